import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their specs side by side.
const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4173);
export const PREVIEW_ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`;
// A deploy step that waits unusually long (a channel slot, sshd, Docker) is printed with what
// it waits for, so that a deploy spec that times out says where (src/main/ssh/slow.ts).
process.env.STACKDRAFT_TRACE_SLOW ??= '1';

/**
 * End-to-end specs drive the built renderer in Debian's Chromium (no browser download)
 * against the WebSocket bridge, which serves the same handlers as Electron's IPC.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_ORIGIN,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // `node …/vite.js` rather than npx, which would leave an orphan process behind.
    command: `node node_modules/vite/bin/vite.js preview --outDir out/renderer --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
    url: PREVIEW_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
