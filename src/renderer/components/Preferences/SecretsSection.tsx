import { useState } from 'react';
import { useAppStore } from '../../store';
import { usePreferences } from './store';
import { checkDeploySecret, secretUses } from './validation';

/**
 * Deploy secrets (`token/<NAME>`) and remembered key passphrases, by name only: values are
 * write-only, no channel reads one back. Without a usable keychain storing is disabled, and the reason shown.
 */
export function SecretsSection() {
  const { secrets, names, deleteSecret, forgetPassphrase } = usePreferences();
  const topology = useAppStore((s) => s.topology);
  const available = secrets?.available === true;
  const uses = secretUses(topology, names);
  const missing = uses.filter((use) => !use.stored);
  return (
    <section aria-labelledby="pref-secrets" data-testid="pref-secrets">
      <h3 id="pref-secrets">Secrets</h3>
      {secrets !== null && !available ? (
        <p className="preferences__unavailable" data-testid="pref-secrets-unavailable">
          {secrets.reason ?? 'Secrets cannot be stored here.'} Deploy still reads STACKDRAFT_SECRET_&lt;NAME&gt; from the environment.
        </p>
      ) : null}
      <h4>Deploy secrets</h4>
      {names === null || (names.tokens.length === 0 && missing.length === 0) ? (
        <p className="muted" data-testid="pref-secrets-empty">
          No deploy secrets stored.
        </p>
      ) : (
        <ul className="preferences__list" data-testid="pref-secret-list">
          {names.tokens.map((name) => (
            <li key={name} data-testid="pref-secret" data-name={name}>
              <code>{name}</code>
              <span className="muted">stored</span>
              <button type="button" className="btn" disabled={!available} onClick={() => void deleteSecret(name)} data-testid="pref-secret-delete" title="Forget this secret: deploy falls back to the environment">
                Delete
              </button>
            </li>
          ))}
          {missing.map((use) => (
            <li key={use.name} data-testid="pref-secret-missing" data-name={use.name}>
              <code>{use.name}</code>
              <span className="preferences__invalid">missing</span>
              <span className="muted">used by {use.services.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      <AddSecret disabled={!available} />
      <h4>Remembered key passphrases</h4>
      {names === null || names.passphraseKeyFiles.length === 0 ? (
        <p className="muted">No passphrases remembered: deploy asks when a key needs one.</p>
      ) : (
        <ul className="preferences__list" data-testid="pref-passphrase-list">
          {names.passphraseKeyFiles.map((keyFile) => (
            <li key={keyFile} data-testid="pref-passphrase">
              <code>{keyFile}</code>
              <span className="muted">remembered</span>
              <button type="button" className="btn" disabled={!available} onClick={() => void forgetPassphrase(keyFile)} data-testid="pref-passphrase-forget" title="Forget it: the next deploy asks again">
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Name + password field; the value leaves the page once, to main, and the field is emptied. */
function AddSecret({ disabled }: { disabled: boolean }) {
  const storeSecret = usePreferences((s) => s.storeSecret);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const touched = name !== '' || value !== '';
  const checked = checkDeploySecret(name, value);
  const submit = async () => {
    if (!checked.ok || disabled) return;
    if (await storeSecret(checked.value.key, checked.value.value)) {
      setName('');
      setValue('');
    }
  };
  return (
    <form
      className="preferences__add-secret"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input aria-label="Secret name" placeholder="name, e.g. postgres/password" value={name} disabled={disabled} onChange={(e) => setName(e.target.value)} data-testid="pref-secret-name" autoComplete="off" />
      <input aria-label="Secret value" type="password" placeholder="value" value={value} disabled={disabled} onChange={(e) => setValue(e.target.value)} data-testid="pref-secret-value" autoComplete="new-password" />
      <button type="submit" className="btn" disabled={disabled || !checked.ok} data-testid="pref-secret-store">
        Store
      </button>
      {touched && !checked.ok ? (
        <span className="preferences__invalid" role="alert" data-testid="pref-secret-reason">
          {checked.reason}
        </span>
      ) : null}
    </form>
  );
}
