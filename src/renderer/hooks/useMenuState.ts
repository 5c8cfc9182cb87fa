import { useEffect } from 'react';
import { commandItems } from '../../shared/menu';
import { commands } from '../commands/registry';
import { call } from '../ipc/client';
import { useAppStore } from '../store';

const SETTLE_MS = 50;

/** Which menu commands can run now and which are checked, from the registry. */
export function menuState(): { enabled: string[]; checked: string[] } {
  const enabled: string[] = [];
  const checked: string[] = [];
  for (const { id } of commandItems()) {
    const state = commands.state(id);
    if (state.enabled) enabled.push(id);
    if (state.checked) checked.push(id);
  }
  return { enabled, checked };
}

/**
 * In the desktop app, tells main what the native menu should grey out and check, so that
 * it matches the in-app state (nothing open → no Save; unbuilt commands → disabled).
 */
export function useMenuState(): void {
  const transport = useAppStore((s) => s.appInfo?.transport);
  useEffect(() => {
    if (transport !== 'electron') return;
    let sent = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const state = menuState();
        const key = JSON.stringify(state);
        if (key === sent) return;
        sent = key;
        call('window.setMenuState', state).catch(() => undefined);
      }, SETTLE_MS);
    };
    report();
    const offStore = useAppStore.subscribe(report);
    const offCommands = commands.subscribe(report);
    return () => {
      clearTimeout(timer);
      offStore();
      offCommands();
    };
  }, [transport]);
}
