/**
 * One trial of the deploy fault matrix on the fault testbed (hosts 4 and 5): deploy v1,
 * deploy v2 while injecting a real fault during one phase, then read every host with
 * `docker inspect` and deploy v2 again. Used by `npm run reliability` and the vitest case.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DeployEvent } from '../src/main/deploy/events';
import { KEPT_SUFFIX, LABEL } from '../src/main/deploy/labels';
import { planHasChanges } from '../src/main/deploy/plan';
import { directDocker, engineFor, removeProject, topologyOn } from '../src/main/deploy/testbed-helpers';
import type { Topology } from '../src/shared/model';
import { ensureTestbed, type Testbed, type TestbedChoice } from './harness';
import { hangSshd, killQuietly, killSshdSessions, resetConnections, restartDockerd, type FaultKind } from './faults';

/** Two hosts of their own, so that faults never reach hosts 1–3 that other tests share. */
export const FAULT_TESTBED: TestbedChoice = { hosts: [4, 5], stateDir: '/tmp/sd-faults' };
export const FAULTS: readonly FaultKind[] = ['connection-reset', 'hang', 'sshd-killed', 'dockerd-restarted', 'deployer-killed'];
/** db (h4), cache (h5) → api (h5) → web (h4): three phases, both hosts busy. */
const PLACEMENTS = { db: 0, cache: 1, api: 1, web: 0 };
/** Keep-alive of the trial's SSH connections: a frozen sshd is noticed after about 3 of these. */
export const TRIAL_KEEPALIVE_MS = 2000;

/** Per host: every service of the tier running as v1, every one as v2, or something in between. */
export type HostGeneration = 'previous' | 'new' | `mixed: ${string}`;

export interface FaultTrialResult {
  fault: FaultKind;
  phase: number;
  /** Host the fault hit. */
  host: string;
  /** The faulted deploy's outcome ('killed' for the killed deployer) and its error. */
  outcome: string;
  error?: string;
  afterFault: Record<string, HostGeneration>;
  /** Project containers that belong to no generation (e.g. a left -sdprev or lock). */
  leftoversAfterFault: string[];
  rerunOutcome: string;
  afterRerun: Record<string, HostGeneration>;
  orphansAfterRerun: string[];
  converged: boolean;
  ms: number;
}

export function faultTopology(testbed: Testbed, project: string, webPort: number, mode: 'v1' | 'v2'): Topology {
  // The first health check runs 2 s after start: the window in which each fault lands.
  const service = (port: number) => ({
    env: { MODE: mode },
    healthCheck: { command: ['wget', '-q', '-O', '-', `http://127.0.0.1:${port}/`], intervalSeconds: 2, timeoutSeconds: 5, retries: 10 },
  });
  return topologyOn(testbed, { project, webPort, placements: PLACEMENTS, override: { db: service(5432), cache: service(6379), api: service(8000), web: service(8080) } });
}

export async function faultTestbed(): Promise<Testbed> {
  return ensureTestbed(FAULT_TESTBED);
}

/** Reads each host through its own socket: which generation runs, and what else is there. */
export async function readGenerations(testbed: Testbed, topology: Topology, project: string): Promise<{ hosts: Record<string, HostGeneration>; leftovers: string[] }> {
  const hosts: Record<string, HostGeneration> = {};
  const leftovers: string[] = [];
  const placements = topology.tiers[0]!.placements;
  await Promise.all(
    testbed.hosts.map(async (h, index) => {
      const docker = directDocker(testbed, index);
      const expected = placements.filter((p) => p.host === h.name).map((p) => `${project}-${p.service}`);
      const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${LABEL.project}=${project}`] }) });
      const names = list.map((c) => c.Names[0]!.slice(1));
      // The previous version kept for a rollback is intended, not a leftover.
      leftovers.push(...names.filter((n) => !expected.includes(n) && !n.endsWith(KEPT_SUFFIX)).map((n) => `${h.name}/${n}`));
      const states = await Promise.all(
        expected.map(async (name) => {
          const info = await docker.getContainer(name).inspect().catch(() => undefined);
          if (!info) return `${name.slice(project.length + 1)} missing`;
          const mode = info.Config.Env.find((e) => e.startsWith('MODE='))?.slice(5) ?? '?';
          return info.State.Running ? mode : `${mode} ${info.State.Status}`;
        }),
      );
      if (states.every((s) => s === 'v1')) hosts[h.name] = 'previous';
      else if (states.every((s) => s === 'v2')) hosts[h.name] = 'new';
      else hosts[h.name] = `mixed: ${expected.map((n, i) => `${n.slice(project.length + 1)} ${states[i]}`).join(', ')}`;
    }),
  );
  return { hosts, leftovers: leftovers.sort() };
}

/** Runs one cell of the matrix; never throws for the fault itself, only for a broken testbed. */
export async function runFaultTrial(fault: FaultKind, phase: number, webPort: number): Promise<FaultTrialResult> {
  const started = Date.now();
  const testbed = await faultTestbed();
  const project = `sdf-${fault.split('-')[0]}${phase}-${process.pid.toString(36)}`;
  await removeProject(testbed, project);
  const v1 = faultTopology(testbed, project, webPort, 'v1');
  const v2 = faultTopology(testbed, project, webPort, 'v2');
  const { engine, pool } = await engineFor(testbed, { keepAliveIntervalMs: TRIAL_KEEPALIVE_MS });
  try {
    const first = await engine.apply(v1, 'test');
    if (first.outcome !== 'succeeded') throw new Error(`the v1 deploy before the fault failed: ${first.error}`);

    const { outcome, error, host } = fault === 'deployer-killed' ? await killDeployerDuring(testbed, v2, phase) : await faultDuring(testbed, engine, v2, fault, phase);
    const after = await readGenerations(testbed, v2, project);

    // A re-run that throws (e.g. refused by a lock left behind) is a finding, not a crash of the matrix.
    const rerun = await engine.apply(v2, 'test').catch((e: Error & { code?: string }) => ({ outcome: `refused (${e.code ?? 'error'})`, error: e.message }));
    const settled = await readGenerations(testbed, v2, project);
    const nothingLeft = !planHasChanges(await engine.plan(v2, 'test'));
    // nothing-to-do is convergence too: a fault the deploy rode out left every host as planned.
    const converged = (rerun.outcome === 'succeeded' || rerun.outcome === 'nothing-to-do') && Object.values(settled.hosts).every((g) => g === 'new') && settled.leftovers.length === 0 && nothingLeft;
    return {
      fault,
      phase,
      host,
      outcome,
      error,
      afterFault: after.hosts,
      leftoversAfterFault: after.leftovers,
      rerunOutcome: rerun.outcome + (rerun.error ? `: ${rerun.error}` : ''),
      afterRerun: settled.hosts,
      orphansAfterRerun: settled.leftovers,
      converged,
      ms: Date.now() - started,
    };
  } finally {
    await pool.closeAll();
    await removeProject(testbed, project);
  }
}

/** Calls `inject(host)` once, when a service of `phase` starts its health check. */
function triggerAt(phase: number, inject: (host: string) => void): (event: DeployEvent) => void {
  let current = -1;
  let fired = false;
  return (event) => {
    if (event.type === 'stage' && event.stage === 'phase') current = event.phase ?? -1;
    if (!fired && current === phase && event.type === 'service' && event.step === 'health-check') {
      fired = true;
      inject(event.host);
    }
  };
}

async function faultDuring(testbed: Testbed, engine: Awaited<ReturnType<typeof engineFor>>['engine'], topology: Topology, fault: FaultKind, phase: number) {
  let injected: Promise<() => void> | undefined;
  let host = '?';
  const report = await engine.apply(topology, 'test', {
    onEvent: triggerAt(phase, (h) => {
      host = h;
      injected = inject(testbed, fault, h);
    }),
  });
  // Undo what outlives the deploy (frozen processes), then look.
  (await injected)?.();
  if (!injected) throw new Error(`no service of phase ${phase} reached its health check: the fault was never injected`);
  return { outcome: report.outcome, error: report.error, host };
}

async function inject(testbed: Testbed, fault: FaultKind, host: string): Promise<() => void> {
  switch (fault) {
    case 'connection-reset':
      await resetConnections(host);
      return () => undefined;
    case 'hang': {
      const frozen = await hangSshd(testbed, host);
      return () => frozen.forEach((pid) => killQuietly(pid, 'SIGKILL'));
    }
    case 'sshd-killed':
      await killSshdSessions(testbed, host);
      return () => undefined;
    case 'dockerd-restarted':
      await restartDockerd(testbed, host, FAULT_TESTBED);
      return () => undefined;
    default:
      throw new Error(`${fault} is not injected in-process`);
  }
}

/** Runs the deploy in a child process and SIGKILLs it when `phase` starts health checks. */
async function killDeployerDuring(testbed: Testbed, topology: Topology, phase: number) {
  const dir = await mkdtemp(join(tmpdir(), 'sd-fault-'));
  const file = join(dir, 'topology.json');
  await writeFile(file, JSON.stringify(topology));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fault-deployer.ts'), testbed.stateDir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let host = '?';
  let last = 'exited before the fault';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const onEvent = triggerAt(phase, (h) => {
    host = h;
    last = 'killed';
    child.kill('SIGKILL');
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const event = JSON.parse(line) as DeployEvent | { type: 'report'; outcome: string };
    if (event.type === 'report') last = `exited: ${event.outcome}`;
    else onEvent(event);
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  await rm(dir, { recursive: true, force: true });
  if (last !== 'killed') throw new Error(`the deployer was not killed during phase ${phase} (${last}): ${stderr.slice(-500)}`);
  return { outcome: 'killed', error: undefined, host };
}
