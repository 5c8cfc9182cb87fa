import { useEscapeToClose } from '../../hooks/useEscapeToClose';
import { THEMES, type EditableSettings, type Theme } from '../../../shared/settings';
import { useAppStore } from '../../store';
import { useKnownHosts } from '../KnownHosts/store';
import { NumberSetting } from './NumberSetting';
import { SecretsSection } from './SecretsSection';
import { usePreferences } from './store';
import './preferences.css';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** File ▸ Preferences…: every field checked as typed with main's schema, saved as soon as it is valid. */
export function PreferencesDialog() {
  const { open, settings, error, notice, close, save, clearRecent } = usePreferences();
  useEscapeToClose(open, close);
  if (!open) return null;

  const saveTheme = async (theme: Theme) => {
    const saved = await save({ theme });
    // The window follows at once; useShellSync sees it is already stored.
    if (saved) useAppStore.getState().setTheme(saved.theme);
  };
  const change = (patch: Partial<EditableSettings>) =>
    void save(patch).then((saved) => {
      // The recovery copy follows the new interval at once, not after a restart.
      if (saved && patch.autosaveIntervalSeconds !== undefined) useAppStore.getState().setAutosaveInterval(saved.autosaveIntervalSeconds);
    });

  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal__box preferences" role="dialog" aria-modal="true" aria-labelledby="preferences-title" data-testid="preferences-dialog">
        <h2 id="preferences-title">Preferences</h2>
        {error ? (
          <div className="preferences__error" role="alert" data-testid="preferences-error">
            {error}
          </div>
        ) : null}
        {settings === null ? (
          <p>Reading…</p>
        ) : (
          <div className="preferences__sections">
            <section aria-labelledby="pref-appearance">
              <h3 id="pref-appearance">Appearance</h3>
              <div className="preferences__row" role="radiogroup" aria-label="Theme">
                <span className="preferences__label">Theme</span>
                {THEMES.map((theme) => (
                  <label key={theme} className="preferences__choice">
                    <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void saveTheme(theme)} data-testid={`pref-theme-${theme}`} />
                    {THEME_LABELS[theme]}
                  </label>
                ))}
              </div>
            </section>

            <section aria-labelledby="pref-files">
              <h3 id="pref-files">Files</h3>
              <NumberSetting
                setting="autosaveIntervalSeconds"
                label="Autosave unsaved work every"
                hint="seconds (0 turns autosave off)"
                value={settings.autosaveIntervalSeconds}
                onValid={(value) => change({ autosaveIntervalSeconds: value })}
              />
              <label className="preferences__row preferences__choice">
                <input type="checkbox" checked={settings.reopenLastFile} onChange={(e) => change({ reopenLastFile: e.target.checked })} data-testid="pref-reopen-last" />
                Reopen the last file on start
              </label>
              <div className="preferences__row">
                <button
                  type="button"
                  className="btn"
                  data-testid="pref-clear-recent"
                  onClick={() => void clearRecent().then(() => useAppStore.getState().refreshLists())}
                >
                  Clear recent files
                </button>
                {notice ? (
                  <span className="muted" role="status" data-testid="preferences-notice">
                    {notice}
                  </span>
                ) : null}
              </div>
            </section>

            <section aria-labelledby="pref-deploy">
              <h3 id="pref-deploy">Deploy</h3>
              <NumberSetting
                setting="defaultHealthCheckTimeoutSeconds"
                label="Default health-check timeout"
                hint="seconds per service"
                value={settings.defaultHealthCheckTimeoutSeconds}
                onValid={(value) => change({ defaultHealthCheckTimeoutSeconds: value })}
              />
              <div className="preferences__row">
                <button
                  type="button"
                  className="btn"
                  data-testid="pref-known-hosts"
                  onClick={() => {
                    close();
                    void useKnownHosts.getState().show();
                  }}
                >
                  Known hosts…
                </button>
                <span className="muted">The host keys deploy trusts.</span>
              </div>
            </section>

            <SecretsSection />
          </div>
        )}
        <div className="modal__actions">
          <button type="button" className="btn btn--primary" onClick={close} data-testid="preferences-close">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
