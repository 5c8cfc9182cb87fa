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

let ready: Promise<Testbed> | undefined;

/** Brings the testbed up (or repairs it) once per process and returns its description. */
export function ensureTestbed(): Promise<Testbed> {
  ready ??= bringUp();
  return ready;
}

async function bringUp(): Promise<Testbed> {
  if (process.getuid?.() !== 0) {
    throw new Error('the deploy testbed needs root (network namespaces, dockerd, sshd): run the tests as root');
  }
  try {
    await promisify(execFile)('bash', [upScript, TESTBED_STATE_DIR], { timeout: 60_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`testbed/up.sh failed: ${stderr || (error as Error).message}`, { cause: error });
  }
  const description = JSON.parse(await readFile(join(TESTBED_STATE_DIR, 'testbed.json'), 'utf8')) as Omit<Testbed, 'stateDir'>;
  return { stateDir: TESTBED_STATE_DIR, ...description };
}
