import { useEscapeToClose } from '../../hooks/useEscapeToClose';
import { useState } from 'react';
import { useTransferDialogs } from '../../commands/exportCommands';
import { ComposeImport } from './ComposeImport';
import { SshImport } from './SshImport';
import './import-dialog.css';

/** File ▸ Import… (or a compose file dropped on the window): compose services, or ssh hosts. */
export function ImportDialog() {
  const open = useTransferDialogs((s) => s.open === 'import');
  const dropped = useTransferDialogs((s) => s.dropped);
  const close = useTransferDialogs((s) => s.close);
  const [source, setSource] = useState<'compose' | 'ssh'>('compose');
  useEscapeToClose(open, close);
  if (!open) return null;
  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal__box modal__box--wide import" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <h2 id="import-title">Import</h2>
        <div className="import__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={source === 'compose'} className="btn" onClick={() => setSource('compose')} data-testid="import-tab-compose">
            docker-compose file
          </button>
          <button type="button" role="tab" aria-selected={source === 'ssh'} className="btn" onClick={() => setSource('ssh')} data-testid="import-tab-ssh">
            Hosts from ~/.ssh/config
          </button>
        </div>
        {/* A key per dropped file: a second drop starts afresh. */}
        {source === 'compose' ? <ComposeImport key={dropped?.name ?? ''} initial={dropped} /> : <SshImport />}
      </div>
    </div>
  );
}
