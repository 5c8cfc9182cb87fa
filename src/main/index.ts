/**
 * The Electron main process: lifecycle, one window, services and IPC. Everything with
 * logic lives in plain-Node modules (services, ipc) that are tested without Electron;
 * this file only wires them to Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createHandlers } from './ipc/handlers';
import { Documents } from './services/documents';
import { Examples } from './services/examples';
import { filesToOpen } from './services/command-line';
import { RecentFiles } from './services/recent-files';
import { APP_INDEX_URL } from './shell/app-assets';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { nativeDialogs } from './shell/dialogs';
import { openElectronStore } from './shell/electron-store';
import { registerIpc } from './shell/ipc';
import { hardenWebContents, mainWindowOptions } from './shell/window';

// electron-vite sets this for `npm run dev` only; a packaged app always uses app://.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devServerUrl ?? APP_INDEX_URL;
const isDev = devServerUrl !== undefined;

let mainWindow: BrowserWindow | null = null;
let recent: RecentFiles | null = null;
/** Files named on the command line or by the OS before the services exist. */
const pendingOpen: string[] = [];

/**
 * Until the contract has an event that hands a path to the renderer, a file from the
 * command line or the OS goes to the top of Recent Files, one click away.
 */
function offerFiles(paths: string[]): void {
  if (recent === null) pendingOpen.push(...paths);
  else for (const path of paths) void recent.add(path).catch((error: unknown) => console.warn('Could not add to recent files', error));
}

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
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

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

function start(): void {
  if (!isDev) serveAppProtocol(join(import.meta.dirname, '../renderer'));

  recent = new RecentFiles(openElectronStore());
  const handlers = createHandlers({
    documents: new Documents(),
    recent,
    examples: new Examples(app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'resources/examples')),
    dialogs: nativeDialogs(() => mainWindow),
    appInfo: { version: app.getVersion(), transport: 'electron', nativeDialogs: true },
  });
  registerIpc(handlers, rendererUrl);

  offerFiles(pendingOpen.splice(0));

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), { devTools: !app.isPackaged }));
  hardenWebContents(window.webContents, rendererUrl, { dev: isDev });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(rendererUrl);
}
