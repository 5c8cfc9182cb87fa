import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, mimeTypeOf, resolveAppAsset } from './app-assets';
import { contentSecurityPolicy } from './window';

/**
 * The packaged renderer is served from app://stackdraft/ rather than file://, so that it
 * has an origin of its own (every file:// page shares one) and no access to other files.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the files of `rendererDir` (out/renderer) on app://stackdraft/. */
export function serveAppProtocol(rendererDir: string): void {
  const csp = contentSecurityPolicy(false);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (file === null || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
