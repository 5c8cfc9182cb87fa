/**
 * For integration tests and benchmarks: the testbed described in testbed/README.md,
 * brought up on demand (up.sh only repairs what is missing, so calling this from every
 * test file is cheap). Tests that need it must not skip silently: without root or the
 * Debian packages this throws and says what is missing.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestbedHost {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly user: string;
  readonly dockerSocket: string;
  readonly hostKeyFingerprint: string;
  readonly hostPublicKey: string;
}

export interface Testbed {
  readonly stateDir: string;
  readonly hosts: readonly TestbedHost[];
  readonly identityFile: string;
  readonly knownHostsFile: string;
  readonly image: string;
}

export const TESTBED_STATE_DIR = process.env.STACKDRAFT_TESTBED_DIR ?? '/tmp/stackdraft-testbed';
const upScript = join(import.meta.dirname ?? __dirname, 'up.sh');

/** Which hosts (N → sd-hN at 10.77.0.1N) under which state dir; default: hosts 1–3 that every test shares. */
export interface TestbedChoice {
  hosts?: readonly number[];
  stateDir?: string;
}

const ready = new Map<string, Promise<Testbed>>();
const keyOf = (choice: TestbedChoice) => `${choice.stateDir ?? TESTBED_STATE_DIR} ${choice.hosts?.join(' ') ?? ''}`;

/** Brings the testbed up (or repairs it) once per process and returns its description. */
export function ensureTestbed(choice: TestbedChoice = {}): Promise<Testbed> {
  const key = keyOf(choice);
  let promise = ready.get(key);
  if (!promise) {
    promise = repairTestbed(choice);
    promise.catch(() => ready.delete(key));
    ready.set(key, promise);
  }
  return promise;
}

/** Runs up.sh now, even if it ran before: restarts whatever a fault test stopped (it is idempotent). */
export async function repairTestbed(choice: TestbedChoice = {}): Promise<Testbed> {
  if (process.getuid?.() !== 0) {
    throw new Error('the deploy testbed needs root (network namespaces, dockerd, sshd): run the tests as root');
  }
  const stateDir = choice.stateDir ?? TESTBED_STATE_DIR;
  const env = { ...process.env, TB_HOSTS: choice.hosts?.join(' ') ?? '' };
  try {
    await promisify(execFile)('bash', [upScript, stateDir], { timeout: 180_000, env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`testbed/up.sh failed: ${stderr || (error as Error).message}`, { cause: error });
  }
  const description = JSON.parse(await readFile(join(stateDir, 'testbed.json'), 'utf8')) as Omit<Testbed, 'stateDir'>;
  return { stateDir, ...description };
}
