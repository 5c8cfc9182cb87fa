import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store';

/**
 * An encrypted key file: ask for its passphrase. The text goes to main once and is
 * cleared here; "remember" is offered only where the keychain really encrypts.
 */
export function PassphraseDialog() {
  const question = useAppStore((s) => s.passphraseQuestion);
  const answer = useAppStore((s) => s.answerPassphrase);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [sending, setSending] = useState(false);
  if (!question) return null;
  const canRemember = question.remember.available;
  const problem = question.error ?? (question.incorrect ? 'The passphrase tried last did not open this key.' : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    const typed = passphrase;
    setPassphrase('');
    await answer({ passphrase: typed, remember: remember && canRemember });
    setSending(false);
  };

  return (
    <form className="deploy-hostkey" role="dialog" aria-modal="true" aria-labelledby="passphrase-title" data-testid="passphrase-dialog" onSubmit={(e) => void submit(e)}>
      <h3 id="passphrase-title">Passphrase for your SSH key</h3>
      <p>
        <code data-testid="passphrase-key-file">{question.keyFile}</code> is encrypted. Enter its passphrase to connect.
      </p>
      {problem ? (
        <div className="deploy-panel__error" role="alert" data-testid="passphrase-error">
          {problem}
        </div>
      ) : null}
      <label className="deploy-panel__field">
        Passphrase
        <input type="password" autoComplete="off" autoFocus data-testid="passphrase-input" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <label className="deploy-panel__check" title={canRemember ? undefined : question.remember.reason}>
        <input type="checkbox" data-testid="passphrase-remember" checked={remember && canRemember} disabled={!canRemember} onChange={(e) => setRemember(e.target.checked)} /> Remember in the system keychain
      </label>
      {canRemember ? null : (
        <p className="muted" data-testid="passphrase-remember-reason">
          {question.remember.reason}
        </p>
      )}
      <div className="deploy-panel__actions">
        <button type="submit" className="btn btn--primary" data-testid="passphrase-submit" disabled={passphrase === '' || sending}>
          Unlock and connect
        </button>
        <button type="button" className="btn" data-testid="passphrase-cancel" onClick={() => void answer(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
