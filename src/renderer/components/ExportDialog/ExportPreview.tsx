import { MermaidPreview } from './MermaidPreview';
import type { ExportOutput } from './output';
import { svgDataUrl } from './svgDataUrl';

/** Mermaid drawn by mermaid, SVG and PNG as the image they are, compose files and reports as text. */
export function ExportPreview({ output, dark }: { output: ExportOutput; dark: boolean }) {
  if (output.kind === 'mermaid') return <MermaidPreview diagrams={output.diagrams} dark={dark} />;
  if (output.kind === 'image') {
    return (
      <figure className="export__figure" data-testid="image-preview">
        <img src={svgDataUrl(output.svg)} alt={output.fileName} width={output.width} height={output.height} />
        <figcaption>
          {output.width} × {output.height}
          {output.format === 'png' ? ' — rasterised from this SVG when saved' : ''}
        </figcaption>
      </figure>
    );
  }
  return (
    <pre className="export__text" data-testid="text-preview">
      {output.text}
    </pre>
  );
}
