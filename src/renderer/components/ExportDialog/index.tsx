import { useEffect, useMemo, useState } from 'react';
import { useTransferDialogs } from '../../commands/exportCommands';
import { call } from '../../ipc/client';
import { useAppStore } from '../../store';
import { errorMessage } from '../../store/logic';
import { copySvgAsPng } from './copyImage';
import { ExportOptionsForm } from './ExportOptionsForm';
import { ExportPreview } from './ExportPreview';
import { exportOutput, type ExportOptions, type ExportOutput } from './output';
import './export-dialog.css';

/** File ▸ Export…: pick a format and options, see it live, copy it or save it. */
export function ExportDialog({ dark }: { dark: boolean }) {
  const open = useTransferDialogs((s) => s.open === 'export');
  const hasDocument = useAppStore((s) => s.topology !== null);
  if (!open || !hasDocument) return null;
  return <ExportDialogBox dark={dark} />;
}

function ExportDialogBox({ dark }: { dark: boolean }) {
  const close = useTransferDialogs((s) => s.close);
  const topology = useAppStore((s) => s.topology)!;
  const tierId = useAppStore((s) => s.tierId);
  const view = useAppStore((s) => s.view);
  const notify = useAppStore((s) => s.notify);
  const nativeDialogs = useAppStore((s) => s.appInfo?.nativeDialogs ?? false);
  const [options, setOptions] = useState<ExportOptions>(() => ({
    format: 'mermaid',
    tierId: tierId ?? topology.tiers[0]?.id ?? '',
    groupBy: view,
    direction: 'TB',
    includeExternal: true,
    theme: dark ? 'dark' : 'light',
    composeHost: 0,
    reportScope: 'tier',
  }));
  const [savePath, setSavePath] = useState('');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const result = useMemo((): { output: ExportOutput } | { error: string } => {
    try {
      return { output: exportOutput(topology, options) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }, [topology, options]);
  const output = 'output' in result ? result.output : null;

  const copy = async () => {
    if (!output) return;
    try {
      if (output.kind === 'image' && output.format === 'png') await copySvgAsPng(output.svg, output.width, output.height);
      else await navigator.clipboard.writeText(output.text);
      notify('success', `Copied ${output.kind === 'image' && output.format === 'png' ? 'the image' : output.fileName} to the clipboard.`);
    } catch (error) {
      notify('error', `Could not copy: ${errorMessage(error)}`);
    }
  };
  const save = async () => {
    if (!output) return;
    const path = savePath.trim();
    const content = output.kind === 'image' && output.format === 'png' ? { kind: 'png' as const, svg: output.svg } : { kind: 'text' as const, text: output.text };
    try {
      const saved = await call('export.save', { suggestedName: output.fileName, content, ...(path ? { path } : {}) });
      if (saved) notify('success', `Exported ${saved.path}.`);
    } catch (error) {
      notify('error', `Could not save the export: ${errorMessage(error)}`);
    }
  };

  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal__box export" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
        <h2 id="export-title">Export {topology.name}</h2>
        <div className="export__body">
          <ExportOptionsForm topology={topology} options={options} onChange={setOptions} hosts={output && 'hosts' in output ? output.hosts : undefined} />
          <section className="export__preview" aria-label="Preview" data-testid="export-preview">
            {output ? <ExportPreview output={output} dark={options.theme === 'dark'} /> : <div className="export__error" role="alert" data-testid="export-error">{'error' in result ? result.error : ''}</div>}
          </section>
        </div>
        {output && output.notes.length > 0 ? (
          <ul className="export__notes" data-testid="export-notes">
            {output.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : null}
        <div className="modal__actions export__actions">
          {nativeDialogs ? null : (
            <label className="field export__path">
              <span>Save to (path ending in {output?.fileName.replace(/^.*\./, '.') ?? ''})</span>
              <input type="text" spellCheck={false} placeholder={`/home/me/docs/${output?.fileName ?? ''}`} value={savePath} onChange={(e) => setSavePath(e.target.value)} data-testid="export-path" />
            </label>
          )}
          <button type="button" className="btn" onClick={close} data-testid="export-close">
            Close
          </button>
          <button type="button" className="btn" onClick={() => void copy()} disabled={!output || output.text === ''} data-testid="export-copy">
            {output?.kind === 'image' && output.format === 'png' ? 'Copy image' : 'Copy'}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={!output || output.text === '' || (!nativeDialogs && !savePath.trim())} data-testid="export-save">
            Save…
          </button>
        </div>
      </div>
    </div>
  );
}
