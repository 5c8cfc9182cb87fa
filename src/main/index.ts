/**
 * The Electron main process: lifecycle, one window, services and IPC. Everything with
 * logic lives in plain-Node modules (services, ipc) that are tested without Electron;
 * this file only wires them to Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { wireDeploy, type WiredDeploy } from './deploy/wiring';
import { createHandlers, StartupOpenQueue } from './ipc/handlers';
import type { MenuState } from './ipc/shell-handlers';
import { Documents } from './services/documents';
import { Examples } from './services/examples';
import { filesToOpen } from './services/command-line';
import { RecentFiles } from './services/recent-files';
import { Recovery } from './services/recovery';
import { WindowDocument } from './services/document-state';
import { Settings } from './services/settings';
import { APP_INDEX_URL } from './shell/app-assets';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { nativeDialogs } from './shell/dialogs';
import { openElectronStore } from './shell/electron-store';
import { registerIpc, sendEvent } from './shell/ipc';
import { OPEN_PENDING_COMMAND } from '../shared/menu';
import { followDocument, installAppMenu, openOwnLink, openSecrets } from './shell/native';
import { guardEveryWebContents, hardenWebContents, mainWindowOptions } from './shell/window';

// electron-vite sets this for `npm run dev` only; a packaged app always uses app://.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devServerUrl ?? APP_INDEX_URL;
const isDev = devServerUrl !== undefined;

let mainWindow: BrowserWindow | null = null;
/** Rebuilds the native menu (recent files, theme) after the document changes. */
let rebuildMenu: () => void = () => undefined;
let menuState: MenuState | null = null;
/** Files named on the command line or by the OS; the renderer takes them when it is ready. */
const startupOpen = new StartupOpenQueue();
/** The open document as the window reports it: title, dirty marker, close confirmation. */
const windowDocument = new WindowDocument();

/**
 * The first file opens in the window; every one also lands in Recent Files. A file that
 * arrives while the window runs (double click, second instance) is announced to it.
 */
function offerFiles(paths: string[]): void {
  startupOpen.push(...paths.map((path) => ({ path })));
  if (paths.length > 0 && mainWindow && !mainWindow.webContents.isLoading()) sendEvent(mainWindow.webContents, 'menu.command', { command: OPEN_PENDING_COMMAND });
}

// A fresh user-data folder per end-to-end test (never honoured by a packaged app).
if (!app.isPackaged && process.env.STACKDRAFT_USER_DATA_DIR) app.setPath('userData', process.env.STACKDRAFT_USER_DATA_DIR);

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Stackdraft is running; it receives our arguments through 'second-instance'.
  app.quit();
} else {
  offerFiles(filesToOpen(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd()));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    offerFiles(filesToOpen(argv.slice(1), workingDirectory));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS: a double-clicked file, before or after start.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    offerFiles([path]);
  });

  // Defence in depth: whatever web contents appear (devtools, a future window), none may
  // open windows, navigate away or attach a webview.
  guardEveryWebContents(app, rendererUrl, { dev: isDev });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Stackdraft could not start', error);
      app.exit(1);
    });
}

let deploy: WiredDeploy | null = null;

async function start(): Promise<void> {
  if (!isDev) serveAppProtocol(join(import.meta.dirname, '../renderer'));

  const store = openElectronStore();
  const settings = new Settings(store);
  const recent = new RecentFiles(store);
  const secrets = openSecrets();
  deploy = await wireDeploy({
    userDataDir: app.getPath('userData'),
    secrets,
    defaultHealthTimeoutSeconds: () => settings.get().defaultHealthCheckTimeoutSeconds,
    emit: (payload) => {
      if (mainWindow) sendEvent(mainWindow.webContents, 'job.event', payload);
    },
  });
  app.on('will-quit', () => void deploy?.close());
  // Nothing asked for on the command line: reopen the last file, if the user wants that.
  const reopen = settings.fileToReopen();
  if (reopen !== null && startupOpen.isEmpty()) startupOpen.push({ path: reopen });

  const handlers = createHandlers({
    deploy: deploy.handlers,
    documents: new Documents(),
    recent,
    recovery: new Recovery(app.getPath('userData')),
    startupOpen,
    examples: new Examples(app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'resources/examples')),
    dialogs: nativeDialogs(() => mainWindow),
    appInfo: { version: app.getVersion(), transport: 'electron', nativeDialogs: true },
    onRecentCleared: () => {
      app.clearRecentDocuments();
      rebuildMenu();
    },
    shell: {
      settings,
      document: windowDocument,
      secrets,
      openExternal: openOwnLink,
      onMenuState: (state) => {
        menuState = state;
        rebuildMenu();
      },
    },
  });
  registerIpc(handlers, rendererUrl);
  rebuildMenu = installAppMenu({
    recent: () => recent.list(),
    theme: () => settings.get().theme,
    menuState: () => menuState,
    window: () => mainWindow,
    queueOpen: (path) => startupOpen.push({ path }),
    clearRecent: () => void store.set('recentFiles', []),
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), { devTools: !app.isPackaged }));
  hardenWebContents(window.webContents, rendererUrl, { dev: isDev });
  followDocument(window, windowDocument, () => rebuildMenu());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(rendererUrl);
}
