import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { contentSecurityPolicy, guardEveryWebContents, hardenWebContents, isOwnLink, mainWindowOptions } from './window';

describe('mainWindowOptions', () => {
  it('isolates the renderer', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('allows devtools only when asked (development builds)', () => {
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the app itself to run scripts and be connected to', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expect(contentSecurityPolicy(true)).toContain("script-src 'self' 'unsafe-inline'");
  });
});

interface Installed {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  permissionHandler?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  headersHook?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void;
}

/** A stand-in for Electron's WebContents that records what hardenWebContents installs. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const installed: Installed = {};
  const fake = {
    installed,
    setWindowOpenHandler(handler: Installed['windowOpenHandler']) {
      installed.windowOpenHandler = handler;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
    },
    session: {
      setPermissionRequestHandler: (h: Installed['permissionHandler']) => (installed.permissionHandler = h),
      setPermissionCheckHandler: (h: Installed['permissionCheck']) => (installed.permissionCheck = h),
      webRequest: { onHeadersReceived: (h: Installed['headersHook']) => (installed.headersHook = h) },
    },
    emit(event: string, details: { url?: string }) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ ...details, preventDefault });
      return preventDefault.mock.calls.length > 0;
    },
  };
  return fake;
}

describe('hardenWebContents', () => {
  const appUrl = 'app://stackdraft/index.html';

  it('denies every new window', () => {
    const fake = fakeContents();
    hardenWebContents(fake as unknown as WebContents, appUrl);
    expect(fake.installed.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(fake.installed.windowOpenHandler?.({ url: 'app://stackdraft/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from the app, and webviews', () => {
    const fake = fakeContents();
    hardenWebContents(fake as unknown as WebContents, appUrl);
    expect(fake.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(fake.emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(fake.emit('will-navigate', { url: 'app://stackdraft/index.html' })).toBe(false);
    expect(fake.emit('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(fake.emit('will-attach-webview', {})).toBe(true);
  });

  it('denies every permission', () => {
    const fake = fakeContents();
    hardenWebContents(fake as unknown as WebContents, appUrl);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) fake.installed.permissionHandler?.({}, permission, callback);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
    expect(fake.installed.permissionCheck?.()).toBe(false);
  });

  it('replaces any CSP header of a response with ours', () => {
    const fake = fakeContents();
    hardenWebContents(fake as unknown as WebContents, appUrl);
    const callback = vi.fn();
    fake.installed.headersHook?.({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
});

describe('guardEveryWebContents', () => {
  it('hardens every web contents created after it is installed, not only the main window', () => {
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    guardEveryWebContents({ on: (_name, listener) => (created = listener) }, 'app://stackdraft/index.html');
    const contents = [fakeContents(), fakeContents()];
    for (const fake of contents) created?.({}, fake as unknown as WebContents);
    for (const fake of contents) {
      expect(fake.installed.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
      expect(fake.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
      const callback = vi.fn();
      fake.installed.permissionHandler?.({}, 'media', callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.installed.headersHook).toBeDefined();
    }
  });
});

describe('isOwnLink', () => {
  const own = ['https://github.com/stackdraft/stackdraft#readme'];
  it('allows only the exact https links the app built', () => {
    expect(isOwnLink(own[0]!, own)).toBe(true);
    for (const url of ['https://github.com/stackdraft/stackdraft#readme2', 'http://github.com/stackdraft/stackdraft#readme', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(isOwnLink(url, own), url).toBe(false);
    }
    // Even a non-https entry in the table is never opened.
    expect(isOwnLink('file:///etc/passwd', ['file:///etc/passwd'])).toBe(false);
    expect(isOwnLink('javascript:alert(1)', ['javascript:alert(1)'])).toBe(false);
  });
});
