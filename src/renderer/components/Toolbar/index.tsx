import { useAppStore, type ThemeChoice } from '../../store';
import { Icon, type IconName } from '../Icon';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemeChoice, IconName> = { system: 'monitor', light: 'sun', dark: 'moon' };

/** Open, Save, Save As, the file name with its dirty marker, the view and the theme. */
export function Toolbar() {
  const name = useAppStore((s) => s.name);
  const path = useAppStore((s) => s.path);
  const dirty = useAppStore((s) => s.dirty);
  const readOnly = useAppStore((s) => s.readOnly);
  const busy = useAppStore((s) => s.busy);
  const hasDocument = useAppStore((s) => s.topology !== null);
  const requestOpen = useAppStore((s) => s.requestOpen);
  const save = useAppStore((s) => s.save);
  const requestSaveAs = useAppStore((s) => s.requestSaveAs);
  const closeDocument = useAppStore((s) => s.closeDocument);
  const openDeploy = useAppStore((s) => s.openDeploy);

  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="toolbar__brand">
        <Icon name="box" size={18} />
        Stackdraft
      </div>
      <div className="toolbar__group">
        <button type="button" className="btn" data-testid="open-button" onClick={requestOpen} disabled={busy !== null} title="Open a file (Ctrl+O)">
          <Icon name="folder" />
          Open…
        </button>
        {hasDocument ? (
          <>
            <button
              type="button"
              className="btn"
              data-testid="save-button"
              onClick={() => void save()}
              disabled={!hasDocument || readOnly || busy !== null}
              title={readOnly ? 'This file is read-only; use Save As' : 'Save (Ctrl+S)'}
            >
              <Icon name="save" />
              Save
            </button>
            <button type="button" className="btn" data-testid="save-as-button" onClick={requestSaveAs} disabled={!hasDocument || busy !== null} title="Save under a new name (Ctrl+Shift+S)">
              <Icon name="saveAs" />
              Save As…
            </button>
          </>
        ) : null}
      </div>
      {hasDocument ? (
        <div className="toolbar__file" title={path ?? 'Not saved to a file yet'}>
          <Icon name="file" />
          <span className="toolbar__name" data-testid="file-name">
            {name}
          </span>
          {dirty ? (
            <span className="toolbar__dirty" data-testid="dirty-marker" title="Unsaved changes" aria-label="Unsaved changes">
              ●
            </span>
          ) : null}
          {readOnly ? (
            <span className="toolbar__ro">
              <Icon name="lock" size={13} />
              read-only
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="toolbar__spacer" />
      {hasDocument ? (
        <button type="button" className="btn" data-testid="deploy-button" onClick={openDeploy} title="Plan and deploy this tier over SSH">
          Deploy…
        </button>
      ) : null}
      <ViewSwitch />
      <ThemeToggle />
      {hasDocument ? (
        <button type="button" className="btn btn--ghost" data-testid="close-button" onClick={closeDocument} title="Close the file">
          <Icon name="close" />
        </button>
      ) : null}
    </header>
  );
}

function ViewSwitch() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const hasDocument = useAppStore((s) => s.topology !== null);
  if (!hasDocument) return null;
  return (
    <div className="segmented" role="group" aria-label="View">
      <button type="button" className={view === 'host' ? 'is-active' : ''} data-testid="view-host" onClick={() => setView('host')} aria-pressed={view === 'host'}>
        By host
      </button>
      <button type="button" className={view === 'plane' ? 'is-active' : ''} data-testid="view-plane" onClick={() => setView('plane')} aria-pressed={view === 'plane'}>
        By plane
      </button>
    </div>
  );
}

function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <button
      type="button"
      className="btn btn--ghost"
      data-testid="theme-toggle"
      data-theme-choice={theme}
      onClick={() => setTheme(NEXT_THEME[theme])}
      title={`Theme: ${theme} (click for ${NEXT_THEME[theme]})`}
    >
      <Icon name={THEME_ICON[theme]} />
    </button>
  );
}
