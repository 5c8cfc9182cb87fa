import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Topology } from '../../shared/model';
import { DeployEngine } from '../../main/deploy/engine';
import { secretsFromEnvironment } from '../../main/deploy/secrets';
import type { DeployPlan } from '../../main/deploy/plan';
import type { PassphraseSource } from '../../main/ssh/connection';
import { SshError } from '../../main/ssh/errors';
import { SshPool } from '../../main/ssh/pool';
import { TrustStore } from '../../main/ssh/trust-store';
import { EXIT, loadOrReport, type Output } from '../io';

/** Options shared by `plan` and `deploy`. */
export const DEPLOY_OPTIONS = {
  tier: { type: 'string' },
  'known-hosts': { type: 'string', multiple: true },
  'trust-store': { type: 'string' },
  'health-timeout': { type: 'string' },
} as const;

/** Options of the commands that change hosts (`deploy`, `rollback`). */
const CHANGE_OPTIONS = { ...DEPLOY_OPTIONS, yes: { type: 'boolean' }, 'break-lock': { type: 'boolean' } } as const;

/** Parses a changing command's arguments; an exit code, said why, when they are wrong. */
export function parseChangeArgs(args: readonly string[], usage: string, output: Output) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: CHANGE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    output.err(`${(error as Error).message}\nusage: ${usage}`);
    return EXIT.UNREADABLE;
  }
  const { values } = parsed;
  const healthTimeout = values['health-timeout'] === undefined ? undefined : Number(values['health-timeout']);
  if (healthTimeout !== undefined && !(healthTimeout > 0)) {
    output.err(`--health-timeout must be a number of seconds above 0, not "${values['health-timeout']}"`);
    return EXIT.UNREADABLE;
  }
  return { file: parsed.positionals[0], values, healthTimeout };
}

export interface DeploySetup {
  topology: Topology;
  engine: DeployEngine;
  pool: SshPool;
  trust: TrustStore;
}

export interface SetupValues {
  tier?: string;
  'known-hosts'?: string[];
  'trust-store'?: string;
}

export const defaultTrustStorePath = (): string => join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'stackdraft', 'trusted-host-keys.json');

/** Loads the file and builds an engine; returns an exit code and says why when it cannot. */
export async function setUp(file: string | undefined, values: SetupValues, output: Output): Promise<DeploySetup | number> {
  if (!file || !values.tier) {
    output.err('a FILE and --tier NAME are needed');
    return EXIT.UNREADABLE;
  }
  const loaded = await loadOrReport(file, output);
  if (typeof loaded === 'number') return loaded;
  const topology = loaded.topology;
  if (!topology.tiers.some((t) => t.id === values.tier)) {
    output.err(`${file}: there is no tier "${values.tier}" (tiers: ${topology.tiers.map((t) => t.id).join(', ') || 'none'})`);
    return EXIT.UNREADABLE;
  }
  const knownHosts = values['known-hosts'] ?? [join(homedir(), '.ssh', 'known_hosts')];
  const trust = await TrustStore.open(values['trust-store'] ?? defaultTrustStorePath(), knownHosts);
  const pool = new SshPool({ trust, passphrases: terminalPassphrases() });
  return { topology, trust, pool, engine: new DeployEngine({ pool, secrets: secretsFromEnvironment(process.env) }) };
}

/** What deploy and rollback both start with: their arguments read, the file loaded and checked, an engine ready. */
export async function prepareChange(args: readonly string[], usage: string, output: Output) {
  const parsedArgs = parseChangeArgs(args, usage, output);
  if (typeof parsedArgs === 'number') return parsedArgs;
  const { values, healthTimeout } = parsedArgs;
  const setup = await setUp(parsedArgs.file, values, output);
  if (typeof setup === 'number') return setup;
  return { setup, values, healthTimeout, tier: values.tier! };
}

/**
 * Runs `work`; an unknown host key is shown with its fingerprint and, on a terminal,
 * trusted only if the person says yes; then `work` runs again. A changed key is never asked about.
 */
export async function withHostKeyQuestions<T>(setup: DeploySetup, output: Output, work: () => Promise<T>): Promise<T> {
  for (let asked = 0; ; asked++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SshError) || error.code !== 'HOST_KEY_UNKNOWN' || asked > 10) throw error;
      const d = error.details as { host: string; port: number; publicKey: string; fingerprint: string };
      output.err(error.message);
      if (!process.stdin.isTTY || !(await confirm(`Trust ${d.host} with key ${d.fingerprint}? [y/N] `))) throw error;
      await setup.trust.trust(d.host, d.port, Buffer.from(d.publicKey, 'base64'));
    }
  }
}

export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** STACKDRAFT_KEY_PASSPHRASE, else asked on the terminal without echo. */
function terminalPassphrases(): PassphraseSource {
  return {
    async passphraseFor(keyFile, attempt) {
      if (attempt === 1 && process.env.STACKDRAFT_KEY_PASSPHRASE) return process.env.STACKDRAFT_KEY_PASSPHRASE;
      if (!process.stdin.isTTY) return null;
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      process.stderr.write(`Passphrase for ${keyFile}: `);
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
      try {
        return await rl.question('');
      } finally {
        rl.close();
        process.stderr.write('\n');
      }
    },
  };
}

const SYMBOL = { create: '+', replace: '~', remove: '-', unchanged: '=' } as const;

/** The plan as a person reads it before anything changes. */
export function printPlan(plan: DeployPlan, output: Output): void {
  output.out(`Plan for tier "${plan.tier}" of ${plan.project}: ${plan.hosts.length} host(s), ${plan.phases.length} cold-start phase(s)`);
  const counts = { create: 0, replace: 0, remove: 0, unchanged: 0 };
  for (const host of plan.hosts) {
    output.out(`\n${host.host} (${host.address})${host.lock ? `  LOCKED by ${host.lock.holder} since ${host.lock.since}` : ''}`);
    for (const action of host.actions) {
      counts[action.kind]++;
      const phase = action.phase === undefined ? '       ' : `phase ${action.phase + 1}`;
      output.out(`  ${SYMBOL[action.kind]} ${action.kind.padEnd(9)} ${action.name.padEnd(28)} ${phase}  ${action.reasons[0] ?? ''}`);
      for (const more of action.reasons.slice(1)) output.out(`${' '.repeat(52)}${more}`);
    }
    for (const n of host.createNetworks) output.out(`  + network   ${n.name}`);
    for (const v of host.createVolumes) output.out(`  + volume    ${v}`);
    for (const n of host.removeNetworks) output.out(`  - network   ${n}`);
    for (const v of host.unusedVolumes) output.out(`  ! volume    ${v} is no longer used (kept: it may hold data)`);
    for (const i of host.missingImages) output.out(`  ! image     ${i} is not on the host; the deploy will try to pull it`);
  }
  for (const problem of plan.problems) output.err(`problem: ${problem}`);
  output.out(`\n${counts.create} to create, ${counts.replace} to replace, ${counts.remove} to remove, ${counts.unchanged} unchanged`);
}
