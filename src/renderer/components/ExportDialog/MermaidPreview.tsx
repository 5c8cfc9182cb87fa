import { useEffect, useState } from 'react';
import type { MermaidDiagram } from '../../../shared/export/mermaid';
import { renderMermaid } from './mermaidRenderer';
import { svgDataUrl } from './svgDataUrl';

/** `of`: the diagrams this state belongs to; any other state is stale and shows as rendering. */
type Rendered = { of?: MermaidDiagram[] } & ({ state: 'rendering' } | { state: 'done'; images: { title: string; url: string }[] } | { state: 'failed'; title: string; message: string });

/**
 * Each diagram rendered by the mermaid package itself (loaded on first use) and shown as an
 * image: whatever a name holds, nothing in the preview can run or be clicked.
 */
export function MermaidPreview({ diagrams, dark }: { diagrams: MermaidDiagram[]; dark: boolean }) {
  const [rendered, setRendered] = useState<Rendered>({ state: 'rendering' });
  useEffect(() => {
    let current = true;
    setRendered({ state: 'rendering' });
    void (async () => {
      const images: { title: string; url: string }[] = [];
      for (const diagram of diagrams) {
        try {
          images.push({ title: diagram.title, url: svgDataUrl(await renderMermaid(diagram.text, dark)) });
        } catch (error) {
          if (current) setRendered({ of: diagrams, state: 'failed', title: diagram.title, message: error instanceof Error ? error.message : String(error) });
          return;
        }
        if (!current) return;
      }
      if (current) setRendered({ of: diagrams, state: 'done', images });
    })();
    return () => {
      current = false;
    };
  }, [diagrams, dark]);

  if (rendered.state === 'rendering' || rendered.of !== diagrams) return <p className="export__status" data-testid="mermaid-rendering">Rendering with Mermaid…</p>;
  if (rendered.state === 'failed') {
    return (
      <div className="export__error" role="alert" data-testid="mermaid-error">
        Mermaid could not render “{rendered.title}”: {rendered.message}
      </div>
    );
  }
  return (
    <div className="export__diagrams" data-testid="mermaid-preview" data-diagrams={rendered.images.length}>
      {rendered.images.map((image, i) => (
        <figure key={i} className="export__figure">
          {rendered.images.length > 1 ? <figcaption>{image.title}</figcaption> : null}
          <img src={image.url} alt={image.title} data-testid="mermaid-image" />
        </figure>
      ))}
    </div>
  );
}
