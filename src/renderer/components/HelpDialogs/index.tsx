import { useEffect } from 'react';
import { acceleratorFor, displayAccelerator, MENUS } from '../../../shared/menu';
import { useShellDialogs } from '../../commands/dialogs';
import { commands, currentPlatform } from '../../commands/registry';
import { useAppStore } from '../../store';

/** Help ▸ Keyboard Shortcuts and Help ▸ About. */
export function HelpDialogs() {
  const open = useShellDialogs((s) => s.open);
  const close = useShellDialogs((s) => s.close);
  useEffect(() => {
    if (open === null) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);
  if (open === null) return null;
  return (
    <div className="modal" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal__box" role="dialog" aria-modal="true" aria-labelledby="help-dialog-title" data-testid={`${open}-dialog`}>
        {open === 'shortcuts' ? <Shortcuts /> : <About />}
        <div className="modal__actions">
          <button type="button" className="btn btn--primary" onClick={close} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function Shortcuts() {
  const platform = currentPlatform();
  return (
    <>
      <h2 id="help-dialog-title">Keyboard shortcuts</h2>
      <table className="shortcuts" data-testid="shortcut-table">
        <tbody>
          {MENUS.flatMap((menu) =>
            menu.items.flatMap((item) => {
              if (item.kind !== 'command') return [];
              const accelerator = acceleratorFor(item.accelerator, platform);
              if (!accelerator) return [];
              const available = commands.state(item.id).registered;
              return [
                <tr key={item.id} className={available ? undefined : 'muted'}>
                  <td>
                    {menu.label} ▸ {item.label}
                    {available ? '' : ' (not available yet)'}
                  </td>
                  <td>
                    <kbd>{displayAccelerator(accelerator, platform)}</kbd>
                  </td>
                </tr>,
              ];
            }),
          )}
        </tbody>
      </table>
    </>
  );
}

function About() {
  const info = useAppStore((s) => s.appInfo);
  return (
    <>
      <h2 id="help-dialog-title">Stackdraft</h2>
      <p>Draw, check, export and deploy self-hosted Docker topologies.</p>
      <p className="muted" data-testid="about-version">
        Version {info?.version ?? 'unknown'} · {info?.transport === 'electron' ? 'desktop app' : 'browser, through the local bridge'}
      </p>
    </>
  );
}
