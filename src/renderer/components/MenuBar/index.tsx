import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { acceleratorFor, compactSeparators, displayAccelerator, MENUS, type Menu, type MenuItem } from '../../../shared/menu';
import { commands, currentPlatform } from '../../commands/registry';
import { useAppStore } from '../../store';
import './menubar.css';

const platform = currentPlatform();

/**
 * The application menu inside the page, for the browser build (the desktop app has the
 * native one, built from the same model). Commands nobody registered are shown disabled.
 */
export function MenuBar() {
  const transport = useAppStore((s) => s.appInfo?.transport);
  const [open, setOpen] = useState<number | null>(null);
  const bar = useRef<HTMLElement>(null);
  // Re-render when commands come and go (the canvas registers zoom when it mounts).
  useSyncExternalStore(commands.subscribe, commands.getVersion);

  useEffect(() => {
    if (open === null) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (transport === 'electron') return null;

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (open === null) return;
    if (event.key === 'Escape') setOpen(null);
    else if (event.key === 'ArrowRight') setOpen((open + 1) % MENUS.length);
    else if (event.key === 'ArrowLeft') setOpen((open - 1 + MENUS.length) % MENUS.length);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') moveFocus(bar.current, event.key === 'ArrowDown' ? 1 : -1);
    else return;
    event.preventDefault();
  };

  return (
    <nav className="menubar" role="menubar" aria-label="Application menu" data-testid="menubar" ref={bar} onKeyDown={onKeyDown}>
      {MENUS.map((menu, index) => (
        <div className="menubar__menu" key={menu.id}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === index}
            className={`menubar__title${open === index ? ' is-open' : ''}`}
            data-testid={`menu-${menu.id}`}
            onClick={() => setOpen(open === index ? null : index)}
            onPointerEnter={() => open !== null && setOpen(index)}
          >
            {menu.label}
          </button>
          {open === index ? <MenuDropdown menu={menu} close={() => setOpen(null)} /> : null}
        </div>
      ))}
    </nav>
  );
}

function moveFocus(root: HTMLElement | null, step: 1 | -1): void {
  const items = [...(root?.querySelectorAll<HTMLButtonElement>('.menubar__dropdown button:not(:disabled)') ?? [])];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  items[(index + step + items.length) % items.length]!.focus();
}

function MenuDropdown({ menu, close }: { menu: Menu; close: () => void }) {
  return (
    <div className="menubar__dropdown" role="menu" aria-label={menu.label} data-testid={`menu-${menu.id}-items`}>
      {/* Quit and full screen belong to the browser here. */}
      {compactSeparators(menu.items.filter((item) => item.kind !== 'native')).map((item, index) => (
        <MenuEntry key={index} item={item} close={close} />
      ))}
    </div>
  );
}

function MenuEntry({ item, close }: { item: MenuItem; close: () => void }) {
  switch (item.kind) {
    case 'separator':
      return <div className="menubar__separator" role="separator" />;
    case 'recent':
      return <RecentFiles close={close} />;
    case 'native':
      return null;
    case 'command': {
      const state = commands.state(item.id);
      const accelerator = acceleratorFor(item.accelerator, platform);
      return (
        <button
          type="button"
          role={item.radio ? 'menuitemradio' : 'menuitem'}
          aria-checked={item.radio ? state.checked : undefined}
          className="menubar__item"
          disabled={!state.enabled}
          data-testid={`menu-item-${item.id}`}
          title={state.registered ? undefined : 'Not available yet'}
          onClick={() => {
            close();
            commands.run(item.id);
          }}
        >
          <span className="menubar__check" aria-hidden="true">
            {item.radio && state.checked ? '•' : ''}
          </span>
          <span className="menubar__label">{item.label}</span>
          {accelerator ? <kbd className="menubar__accel">{displayAccelerator(accelerator, platform)}</kbd> : null}
        </button>
      );
    }
  }
}

/** Open Recent, as a flyout beside its item. */
function RecentFiles({ close }: { close: () => void }) {
  const recent = useAppStore((s) => s.recent);
  const busy = useAppStore((s) => s.busy);
  const openFile = useAppStore((s) => s.openFile);
  const [open, setOpen] = useState(false);
  return (
    <div className="menubar__sub" onPointerEnter={() => setOpen(true)} onPointerLeave={() => setOpen(false)}>
      <button
        type="button"
        role="menuitem"
        aria-haspopup="menu"
        aria-expanded={open}
        className="menubar__item"
        data-testid="menu-item-file.openRecent"
        disabled={recent.length === 0}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'ArrowRight' && (e.stopPropagation(), setOpen(true))}
      >
        <span className="menubar__check" />
        <span className="menubar__label">Open Recent</span>
        <span className="menubar__accel">▸</span>
      </button>
      {open && recent.length > 0 ? (
        <div className="menubar__dropdown menubar__dropdown--side" role="menu" aria-label="Open Recent" data-testid="menu-recent-list">
          {recent.map((file) => (
            <button
              key={file.path}
              type="button"
              role="menuitem"
              className="menubar__item"
              title={file.path}
              data-testid="menu-recent-file"
              data-path={file.path}
              disabled={busy !== null}
              onClick={() => {
                close();
                void openFile(file.path);
              }}
            >
              <span className="menubar__check" />
              <span className="menubar__label">{file.name}</span>
              <span className="menubar__path">{file.path}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
