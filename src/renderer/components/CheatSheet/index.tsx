import { useAppStore } from '../../store';
import { SHORTCUTS } from './shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "?" shows every shortcut; the same list drives the key handler. */
export function CheatSheet() {
  const open = useAppStore((s) => s.cheatSheetOpen);
  const toggle = useAppStore((s) => s.toggleCheatSheet);
  if (!open) return null;
  const rows = SHORTCUTS.filter((s, i) => SHORTCUTS.findIndex((o) => o.label === s.label) === i);
  return (
    <div className="modal" onClick={() => toggle(false)}>
      <div className="modal__box modal__box--wide" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="cheat-sheet" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {rows.map((s) => (
            <div key={s.keys} className="shortcuts__row">
              <dt>
                {s.keys.split('+').map((k) => (
                  <kbd key={k}>{isMac && k === 'Ctrl' ? '⌘' : k}</kbd>
                ))}
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div className="shortcuts__row">
            <dt>
              <kbd>Shift</kbd>+drag
            </dt>
            <dd>Select several boxes</dd>
          </div>
        </dl>
        <div className="modal__actions">
          <button type="button" className="btn" onClick={() => toggle(false)} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
