import { useAppStore } from '../../store';

/** An unknown host key: show the SHA256 fingerprint and let the person decide. */
export function HostKeyDialog() {
  const question = useAppStore((s) => s.hostKeyQuestion);
  const answer = useAppStore((s) => s.answerHostKey);
  if (!question) return null;
  return (
    <div className="deploy-hostkey" role="dialog" aria-modal="true" aria-labelledby="hostkey-title" data-testid="host-key-dialog">
      <h3 id="hostkey-title">Trust this host?</h3>
      <p>
        {question.host}
        {question.port === 22 ? '' : `:${question.port}`} is not known yet. Its {question.keyType} key has the fingerprint
      </p>
      <code data-testid="host-key-fingerprint">{question.fingerprint}</code>
      <p className="muted">Compare it with the server’s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it.</p>
      <div className="deploy-panel__actions">
        <button type="button" className="btn btn--primary" data-testid="host-key-trust" onClick={() => void answer(true)}>
          Trust and connect
        </button>
        <button type="button" className="btn" data-testid="host-key-reject" onClick={() => void answer(false)}>
          Do not connect
        </button>
      </div>
    </div>
  );
}
