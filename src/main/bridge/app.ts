import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StartupOpen } from '../../shared/ipc';
import { wireDeploy } from '../deploy/wiring';
import { createHandlers, StartupOpenQueue } from '../ipc/handlers';
import { Documents } from '../services/documents';
import { Examples } from '../services/examples';
import { RecentFiles } from '../services/recent-files';
import { WindowDocument } from '../services/document-state';
import { Settings } from '../services/settings';
import { Recovery } from '../services/recovery';
import { JsonFileStore } from '../services/settings-store';
import { startBridge, type Bridge } from './server';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** Where `vite` (dev) and `vite preview` serve the renderer by default. */
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];

export interface BridgeAppOptions {
  /** Settings and recent files; default a fresh temp folder, removed again by close(). */
  userDataDir?: string;
  /** Folder with catalog.json; default resources/examples of this repository. */
  examplesDir?: string;
  /** Exact origins the renderer is served from; default DEFAULT_ALLOWED_ORIGINS. */
  allowedOrigins?: string[];
  /** Default 0: a free port. */
  port?: number;
  log?: (message: string, error?: unknown) => void;
  /** Opened by the renderer when it starts (dev:web opens an example this way). */
  openAtStart?: StartupOpen;
  /** Deploy: known_hosts files seeding trust (default ~/.ssh/known_hosts; e2e passes the testbed's). */
  knownHostsFiles?: string[];
  /** Deploy: Stackdraft's own host-key store; default `trusted-host-keys.json` in user data. */
  trustStorePath?: string;
  /** File ▸ Import ▸ hosts: the ssh config to read; default ~/.ssh/config. */
  sshConfigPath?: string;
}

export interface BridgeApp extends Pick<Bridge, 'port' | 'token' | 'url' | 'broadcast'> {
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * The whole main side without Electron: services, handlers (no native dialogs) and the
 * WebSocket bridge, for `npm run dev:web` and the end-to-end tests. Only test and
 * development entries call this; the packaged app never does.
 */
export async function startBridgeApp(options: BridgeAppOptions = {}): Promise<BridgeApp> {
  const ownsUserData = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await fs.mkdtemp(join(tmpdir(), 'stackdraft-user-data-')));
  await fs.mkdir(userDataDir, { recursive: true });
  const settings = await JsonFileStore.open(join(userDataDir, 'settings.json'));
  const shellSettings = new Settings(settings);
  // Events are pushed through the bridge, which starts after the handlers exist.
  // eslint-disable-next-line prefer-const -- assigned once the bridge is up, below
  let broadcast: Bridge['broadcast'] | undefined;
  // No keychain here: passphrases last for the session, deploy secrets come from the environment.
  const deploy = await wireDeploy({
    userDataDir,
    trustStorePath: options.trustStorePath,
    knownHostsFiles: options.knownHostsFiles,
    secrets: null,
    defaultHealthTimeoutSeconds: () => shellSettings.get().defaultHealthCheckTimeoutSeconds,
    emit: (payload) => broadcast?.('job.event', payload),
  });
  const handlers = createHandlers({
    deploy: deploy.handlers,
    documents: new Documents(),
    recent: new RecentFiles(settings),
    examples: new Examples(options.examplesDir ?? join(REPO_ROOT, 'resources/examples')),
    dialogs: null,
    recovery: new Recovery(userDataDir),
    startupOpen: startupQueue(options.openAtStart),
    sshConfigPath: options.sshConfigPath,
    appInfo: { version: packageVersion(), transport: 'bridge', nativeDialogs: false },
    // No keychain and no browser to open from here: the page opens links itself.
    shell: { settings: shellSettings, document: new WindowDocument(), secrets: null, openExternal: null },
  });
  const bridge = await startBridge({
    handlers,
    allowedOrigins: options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
    port: options.port ?? 0,
    log: options.log,
  });
  broadcast = bridge.broadcast;
  return {
    port: bridge.port,
    token: bridge.token,
    url: bridge.url,
    broadcast: bridge.broadcast,
    userDataDir,
    async close() {
      await bridge.close();
      await deploy.close();
      if (ownsUserData) await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function startupQueue(request: StartupOpen | undefined): StartupOpenQueue {
  const queue = new StartupOpenQueue();
  if (request) queue.push(request);
  return queue;
}
