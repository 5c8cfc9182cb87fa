/**
 * `npm run dev:web [FILE | example:ID]`: the whole app in a browser, for machines where
 * the Electron window cannot open. Starts the main-side services behind the local
 * WebSocket bridge (127.0.0.1 only, a fresh token) and Vite's dev server for the renderer,
 * then prints the address to open. Development only: the packaged app never does this.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { startBridgeApp } from '../src/main/bridge/app';
import type { StartupOpen } from '../src/shared/ipc';

const PORT = Number(process.env.STACKDRAFT_WEB_PORT ?? 5173);
const ORIGINS = [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`];

function startupRequest(arg: string | undefined): StartupOpen {
  if (arg === undefined) return { exampleId: 'breakpilot' };
  if (arg.startsWith('example:')) return { exampleId: arg.slice('example:'.length) };
  return { path: resolve(process.cwd(), arg) };
}

const bridge = await startBridgeApp({
  allowedOrigins: ORIGINS,
  userDataDir: resolve(process.env.STACKDRAFT_USER_DATA_DIR ?? '.stackdraft-dev'),
  openAtStart: startupRequest(process.argv[2]),
});
const vite = await createServer({
  configFile: false,
  root: resolve(import.meta.dirname, '../src/renderer'),
  plugins: [react()],
  server: { host: '127.0.0.1', port: PORT, strictPort: true },
});
await vite.listen();

console.log(`\nStackdraft is running. Open this address in a browser:\n\n  http://127.0.0.1:${PORT}/#bridge=${bridge.port}&token=${bridge.token}\n`);
console.log('Press Ctrl+C to stop.');

async function stop(): Promise<void> {
  await Promise.allSettled([vite.close(), bridge.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
