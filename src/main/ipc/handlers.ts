import { HandlerError, type AppInfo, type StartupOpen, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc';
import type { Topology } from '../../shared/model';
import { unavailableDeployHandlers, type DeployHandlers } from '../deploy/ipc-handlers';
import type { Documents } from '../services/documents';
import type { Examples } from '../services/examples';
import type { Recovery } from '../services/recovery';
import { saveExport } from '../services/export-files';
import { readSshConfigHosts } from '../services/ssh-config-file';
import type { RecentFiles } from '../services/recent-files';
import { createShellHandlers, defaultShellDeps, type ShellDeps } from './shell-handlers';

/** One handler per contract channel: a missing or extra channel is a type error. */
export type Handlers = { [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

/** Native file dialogs; null where there are none (the WebSocket bridge). */
export interface Dialogs {
  /** null = the person cancelled. */
  pickOpenPath(): Promise<string | null>;
  pickSavePath(suggestedName: string): Promise<string | null>;
}

export interface HandlerDeps {
  documents: Documents;
  recent: RecentFiles;
  examples: Examples;
  dialogs: Dialogs | null;
  appInfo: AppInfo;
  /** Autosaved unsaved work in the user-data folder; absent = nothing is kept (tests of other channels). */
  recovery?: Recovery;
  /** What to open at start; each request is handed out once. */
  startupOpen?: StartupOpenQueue;
  /** Settings, window state, links and secrets (default: in memory, none). */
  shell?: ShellDeps;
  /** After Preferences ▸ Clear recent files: the native menu and the OS list follow. */
  onRecentCleared?: () => void;
  /** Where a non-fatal failure (e.g. the recent list could not be saved) is reported. */
  warn?: (message: string) => void;
  /** Deploy channels (src/main/deploy/ipc-handlers.ts); absent = refused as unavailable. */
  deploy?: DeployHandlers;
  /** File ▸ Import ▸ hosts: the ssh config to read (default ~/.ssh/config). */
  sshConfigPath?: string;
}

/** Files or examples to open at start, queued until the renderer asks. */
export class StartupOpenQueue {
  private readonly queue: StartupOpen[] = [];
  push(...requests: StartupOpen[]): void {
    this.queue.push(...requests);
  }
  take(): StartupOpen | null {
    return this.queue.shift() ?? null;
  }
  isEmpty(): boolean {
    return this.queue.length === 0;
  }
}

/** The handlers both transports serve; requests arrive already parsed by `dispatch`. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { documents, examples, dialogs } = deps;
  const warn = deps.warn ?? console.warn;

  /** The recent list is a convenience: failing to update it must not fail an open or save. */
  const remember = async (path: string): Promise<void> => {
    await deps.recent.add(path).catch((error: unknown) => warn(`Could not update the recent files list: ${(error as Error).message}`));
  };

  const needDialogs = (what: string): Dialogs => {
    if (dialogs === null) throw new HandlerError('BAD_REQUEST', `${what}: give a path; this window has no native file dialog.`);
    return dialogs;
  };

  const handlers: Handlers = {
    'app.info': async () => deps.appInfo,

    'app.takeStartupOpen': async () => deps.startupOpen?.take() ?? null,

    'file.open': async ({ path }) => {
      const chosen = path ?? (await needDialogs('file.open').pickOpenPath());
      if (chosen === null) return null;
      const opened = await documents.open(chosen);
      if (opened.path !== null) await remember(opened.path);
      return opened;
    },

    'file.save': async ({ path, topology, overwriteExternalChanges }) => {
      const saved = await documents.save(path, topology, overwriteExternalChanges ?? false);
      await remember(saved.path);
      return saved;
    },

    'file.saveAs': async ({ path, topology }) => {
      const chosen = path ?? (await needDialogs('file.saveAs').pickSavePath(suggestedFileName(topology)));
      if (chosen === null) return null;
      const saved = await documents.saveAs(withYamlExtension(chosen), topology);
      await remember(saved.path);
      return saved;
    },

    'file.listRecent': async () => deps.recent.list(),
    'file.clearRecent': async () => {
      await deps.recent.clear();
      deps.onRecentCleared?.();
      return null;
    },
    'example.list': async () => examples.list(),
    'example.open': async ({ id }) => examples.open(id),
    ...createShellHandlers(deps.shell ?? defaultShellDeps()),
    'recovery.save': async ({ topology, path, name }) => {
      if (!deps.recovery) throw new HandlerError('UNAVAILABLE', 'Autosave is not available in this window.');
      await deps.recovery.save(topology, path, name);
    },
    'recovery.take': async () => (deps.recovery ? deps.recovery.take() : null),
    'recovery.discard': async () => {
      await deps.recovery?.discard();
    },

    'export.save': async ({ path, suggestedName, content }) => {
      const chosen = path ?? (await needDialogs('export.save').pickSavePath(suggestedName));
      if (chosen === null) return null;
      await saveExport(chosen, content);
      return { path: chosen };
    },
    'import.sshConfig': async () => readSshConfigHosts(deps.sshConfigPath),
    ...(deps.deploy ?? unavailableDeployHandlers()),
  };
  return handlers;
}

export function suggestedFileName(topology: Topology): string {
  return `${topology.project}.stackdraft.yaml`;
}

/** Linux save dialogs do not add the filter's extension; a file without it would not reopen. */
export function withYamlExtension(path: string): string {
  return /\.ya?ml$/i.test(path) ? path : `${path}.stackdraft.yaml`;
}
