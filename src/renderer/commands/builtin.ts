import type { ThemeChoice } from '../store';
import type { AppStore } from '../store';
import type { StoreDeps } from '../store/types';
import { useShellDialogs } from './dialogs';
import type { Command } from './registry';

type Call = StoreDeps['call'];

/** File, View (grouping, theme) and Help: the commands the shell owns (Edit and Tier: editorCommands). */
export function shellCommands(store: AppStore, call: Call): Command[] {
  const s = () => store.getState();
  const hasDocument = () => s().topology !== null;
  const idle = () => s().busy === null;
  const themeCommand = (id: Command['id'], theme: ThemeChoice): Command => ({ id, run: () => s().setTheme(theme), checked: () => s().theme === theme });
  const openLink = async (link: 'docs' | 'issues') => {
    const { opened, url } = await call('app.openLink', { link });
    // The browser build has no main-side browser to ask: the page opens it itself.
    if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
  };

  return [
    { id: 'file.open', run: () => s().requestOpen(), enabled: idle },
    { id: 'file.openPending', run: () => openPending(store, call) },
    { id: 'file.save', run: () => s().save(), enabled: () => hasDocument() && !s().readOnly && idle() },
    { id: 'file.saveAs', run: () => s().requestSaveAs(), enabled: () => hasDocument() && idle() },
    { id: 'file.close', run: () => s().closeDocument(), enabled: () => hasDocument() && idle() },

    { id: 'view.byHost', run: () => s().setView('host'), enabled: hasDocument, checked: () => s().view === 'host' },
    { id: 'view.byPlane', run: () => s().setView('plane'), enabled: hasDocument, checked: () => s().view === 'plane' },
    themeCommand('view.themeSystem', 'system'),
    themeCommand('view.themeLight', 'light'),
    themeCommand('view.themeDark', 'dark'),

    { id: 'help.shortcuts', run: () => useShellDialogs.getState().show('shortcuts') },
    { id: 'help.about', run: () => useShellDialogs.getState().show('about') },
    { id: 'help.docs', run: () => openLink('docs') },
    { id: 'help.reportIssue', run: () => openLink('issues') },
  ];
}

/** A file main queued (double click, file association, a recent file in the native menu). */
async function openPending(store: AppStore, call: Call): Promise<void> {
  const request = await call('app.takeStartupOpen', {});
  if (request === null) return;
  if ('path' in request) await store.getState().openFile(request.path);
  else await store.getState().openExample(request.exampleId);
}
