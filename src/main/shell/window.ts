// Only types from electron: this file is unit-tested in plain Node.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl } from '../ipc/sender';

/**
 * The renderer may run only its own scripts and talk only to its own origin. In
 * development Vite's React refresh adds one inline script, so `dev` allows inline scripts.
 */
export function contentSecurityPolicy(dev = false): string {
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The main window: the renderer is an untrusted web page with one typed bridge (the preload). */
export function mainWindowOptions(preloadPath: string, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Stackdraft',
    // Shown on ready-to-show, so the window never flashes white.
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      webviewTag: false,
      plugins: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools ?? false,
    },
  };
}

/**
 * Locks a web contents to the app: no new windows, no navigation away, no permissions,
 * and a CSP header on every response (the app:// handler sets it too, in case the
 * webRequest hook does not see custom-protocol responses).
 */
export function hardenWebContents(contents: WebContents, rendererUrl: string, options: { dev?: boolean } = {}): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, rendererUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const { session } = contents;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy(options.dev);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

/** What `guardEveryWebContents` needs of Electron's `app`. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/**
 * Defence in depth: every web contents that ever appears (a window, devtools, one a future
 * feature adds) gets the same guards as the main window, not only the one we built.
 */
export function guardEveryWebContents(app: WebContentsSource, rendererUrl: string, options: { dev?: boolean } = {}): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl, options));
}

/** Whether `url` is one of the app's own https links (the only ones given to the OS browser). */
export function isOwnLink(url: string, ownLinks: readonly string[]): boolean {
  try {
    return new URL(url).protocol === 'https:' && ownLinks.includes(url);
  } catch {
    return false;
  }
}
