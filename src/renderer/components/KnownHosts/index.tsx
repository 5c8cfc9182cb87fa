import { useEscapeToClose } from '../../hooks/useEscapeToClose';
import type { KnownHostKeyView } from '../../../shared/ipc';
import { useKnownHosts } from './store';
import './known-hosts.css';

/** Every host key deploy trusts: host, port, type, fingerprint, where it came from; Stackdraft's own can be removed. */
export function KnownHostsDialog() {
  const { open, keys, error, close, remove } = useKnownHosts();
  useEscapeToClose(open, close);
  if (!open) return null;
  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal__box known-hosts" role="dialog" aria-modal="true" aria-labelledby="known-hosts-title" data-testid="known-hosts-dialog">
        <h2 id="known-hosts-title">Known hosts</h2>
        <p className="muted">Deploy connects only to hosts whose key is listed here. Keys read from known_hosts are edited there (ssh-keygen -R).</p>
        {error ? (
          <div className="deploy-panel__error" role="alert" data-testid="known-hosts-error">
            {error}
          </div>
        ) : null}
        {keys === null ? (
          <p>Reading…</p>
        ) : keys.length === 0 ? (
          <p data-testid="known-hosts-empty">No host keys yet: the first Plan to a host asks about its key.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Host</th>
                <th>Port</th>
                <th>Key type</th>
                <th>SHA256 fingerprint</th>
                <th>From</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <KeyRow key={`${key.source}/${key.host}/${key.fingerprint}`} hostKey={key} onRemove={() => void remove(key)} />
              ))}
            </tbody>
          </table>
        )}
        <div className="modal__actions">
          <button type="button" className="btn btn--primary" onClick={close} data-testid="known-hosts-close">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function KeyRow({ hostKey, onRemove }: { hostKey: KnownHostKeyView; onRemove(): void }) {
  const own = hostKey.source === 'stackdraft';
  return (
    <tr data-testid="known-host-row" data-host={hostKey.host} data-source={own ? 'stackdraft' : 'known_hosts'}>
      <td>{hostKey.host}</td>
      <td>{hostKey.port ?? 'any'}</td>
      <td>{hostKey.keyType}</td>
      <td>
        <code data-testid="known-host-fingerprint">{hostKey.fingerprint}</code>
      </td>
      <td title={hostKey.addedAt ? `trusted ${hostKey.addedAt}` : undefined}>{own ? 'Stackdraft (trusted here)' : hostKey.source}</td>
      <td>
        <button type="button" className="btn" data-testid="known-host-remove" disabled={!hostKey.removable} title={hostKey.removable ? 'Forget this key: the next Plan asks again' : 'Read from a known_hosts file; edit it there'} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}
