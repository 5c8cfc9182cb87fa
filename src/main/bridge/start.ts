/**
 * `tsx src/main/bridge/start.ts [--user-data-dir DIR] [--examples-dir DIR]
 *   [--allowed-origins A,B] [--port N]`, or STACKDRAFT_USER_DATA_DIR, STACKDRAFT_EXAMPLES_DIR,
 *   STACKDRAFT_ALLOWED_ORIGINS, STACKDRAFT_BRIDGE_PORT (arguments win).
 * Starts the bridge app and prints one JSON line `{"port":…,"token":…}` on stdout; every
 * log goes to stderr. Runs until SIGTERM or SIGINT, then closes cleanly.
 */
import { startBridgeApp, type BridgeAppOptions } from './app';
import { bridgeOptionsFrom } from './options';

async function main(): Promise<void> {
  let options: BridgeAppOptions;
  try {
    options = bridgeOptionsFrom(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`stackdraft bridge: ${(error as Error).message}`);
    process.exit(2);
  }
  const app = await startBridgeApp(options);
  process.stdout.write(`${JSON.stringify({ port: app.port, token: app.token })}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('stackdraft bridge: could not close cleanly', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('stackdraft bridge: failed to start', error);
  process.exit(1);
});
