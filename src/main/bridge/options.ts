import { parseArgs } from 'node:util';
import type { BridgeAppOptions } from './app';

/** Options for startBridgeApp from command-line arguments, falling back to STACKDRAFT_* variables. */
export function bridgeOptionsFrom(argv: string[], env: NodeJS.ProcessEnv): BridgeAppOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'user-data-dir': { type: 'string' },
      'examples-dir': { type: 'string' },
      'allowed-origins': { type: 'string' },
      port: { type: 'string' },
      'known-hosts': { type: 'string', multiple: true },
      'trust-store': { type: 'string' },
    },
    strict: true,
  });
  const origins = values['allowed-origins'] ?? env.STACKDRAFT_ALLOWED_ORIGINS;
  const portText = values.port ?? env.STACKDRAFT_BRIDGE_PORT;
  const port = portText === undefined || portText === '' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${portText}"`);
  const options: BridgeAppOptions = { port };
  const userDataDir = values['user-data-dir'] ?? env.STACKDRAFT_USER_DATA_DIR;
  const examplesDir = values['examples-dir'] ?? env.STACKDRAFT_EXAMPLES_DIR;
  if (userDataDir) options.userDataDir = userDataDir;
  if (examplesDir) options.examplesDir = examplesDir;
  const knownHosts = values['known-hosts'] ?? env.STACKDRAFT_KNOWN_HOSTS?.split(':').filter(Boolean);
  if (knownHosts && knownHosts.length > 0) options.knownHostsFiles = knownHosts;
  const trustStore = values['trust-store'] ?? env.STACKDRAFT_TRUST_STORE;
  if (trustStore) options.trustStorePath = trustStore;
  if (origins) options.allowedOrigins = origins.split(',').map((o) => o.trim()).filter(Boolean);
  return options;
}
