/**
 * Who may call main. Only the app's own renderer — its main frame, at its own address —
 * may; an iframe, a page navigated elsewhere or any other origin may not, because the
 * handlers can read and write files (and later deploy to servers).
 */

export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/**
 * Whether `url` belongs to the renderer served at `rendererUrl`: the same dev server
 * (scheme, host and port), the same `app://` host, or the same `file://` index.
 */
export function isAppUrl(url: string | undefined, rendererUrl: string): boolean {
  if (!url) return false;
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (candidate.protocol !== app.protocol || candidate.username !== '' || candidate.password !== '') return false;
  // Every file:// URL shares one origin, so a file page is ours only if it is our index.
  if (app.protocol === 'file:') return candidate.pathname === app.pathname;
  // URL.origin is "null" for custom schemes such as app://, so compare the host itself.
  return candidate.host === app.host && candidate.host !== '';
}

export function isAllowedSender(frame: SenderFrame | null | undefined, rendererUrl: string): boolean {
  return frame != null && frame.isMainFrame && isAppUrl(frame.url, rendererUrl);
}
