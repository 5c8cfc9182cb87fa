import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EventPayload } from '../../shared/ipc';
import { secretKey } from '../../shared/ipc/contract';
import type { SecretStore } from '../services/secrets';
import { KeyPassphrases } from '../ssh/passphrases';
import { SshPool } from '../ssh/pool';
import { TrustStore } from '../ssh/trust-store';
import { DeployEngine } from './engine';
import { createDeployHandlers, type DeployHandlers } from './ipc-handlers';
import { secretsFromEnvironment, type SecretSource } from './secrets';

export interface WireDeployOptions {
  /** The trust store lives here as `trusted-host-keys.json` unless `trustStorePath` says otherwise. */
  userDataDir: string;
  trustStorePath?: string;
  /** known_hosts files seeding trust, read only; default ~/.ssh/known_hosts. */
  knownHostsFiles?: string[];
  /** The safeStorage-backed keychain; null where there is none (the bridge). */
  secrets: SecretStore | null;
  /** Where `STACKDRAFT_SECRET_<NAME>` values are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The settings' default health-check wait (seconds), read at each request. */
  defaultHealthTimeoutSeconds?: () => number;
  /** ssh-agent socket; default SSH_AUTH_SOCK ('' = none, for tests). */
  agentSocket?: string;
  /** Pushes a `job.event` to the window(s). */
  emit(payload: EventPayload<'job.event'>): void;
}

export interface WiredDeploy {
  handlers: DeployHandlers;
  trust: TrustStore;
  pool: SshPool;
  passphrases: KeyPassphrases;
  /** Closes every SSH connection. */
  close(): Promise<void>;
}

/**
 * Deploy for a window, the same in the Electron app and on the web bridge: trust store,
 * one SSH pool, key passphrases and deploy secrets (keychain first, then environment).
 */
export async function wireDeploy(options: WireDeployOptions): Promise<WiredDeploy> {
  const trust = await TrustStore.open(options.trustStorePath ?? join(options.userDataDir, 'trusted-host-keys.json'), options.knownHostsFiles ?? [join(homedir(), '.ssh', 'known_hosts')]);
  const passphrases = new KeyPassphrases(options.secrets);
  const pool = new SshPool({ trust, passphrases, ...(options.agentSocket === undefined ? {} : { agentSocket: options.agentSocket }) });
  const engine = new DeployEngine({ pool, secrets: deploySecrets(options.secrets, options.env ?? process.env) });
  const handlers = createDeployHandlers({
    engine,
    trust,
    passphrases,
    defaultHealthTimeoutSeconds: options.defaultHealthTimeoutSeconds,
    emit: options.emit,
    // A connection authenticated under the removed key must not be reused.
    onKeyRemoved: (host, port) => pool.closeTo(host, port),
  });
  return { handlers, trust, pool, passphrases, close: () => pool.closeAll() };
}

/** A deploy secret: the keychain's `token/<name>` when stored there, else `STACKDRAFT_SECRET_<NAME>`. */
export function deploySecrets(secrets: SecretStore | null, env: NodeJS.ProcessEnv): SecretSource {
  const fromEnv = secretsFromEnvironment(env);
  return {
    async valueOf(name) {
      const key = `token/${name}`;
      if (secrets !== null && secrets.status().available && secretKey.safeParse(key).success) {
        const stored = await secrets.get(key);
        if (stored !== null) return stored;
      }
      return fromEnv.valueOf(name);
    },
  };
}
