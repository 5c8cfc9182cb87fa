import type Docker from 'dockerode';
import { checkCancelled, hostReports, ignore, lockAll, RECOVERY_WINDOW_MS, runSideBySide, unlockAll, type ApplyContext } from './apply';
import type { HostSession } from './engine';
import { DeployError, dockerMessage } from './errors';
import type { DeployEvent, DeployReport, HostReport } from './events';
import { waitHealthy } from './health';
import { parkKept, unparkKept } from './kept';
import { KEPT_SUFFIX, PREVIOUS_SUFFIX } from './labels';
import { retryTransient } from './retry';
import { planRollback, type RollbackAction, type RollbackPlan } from './rollback-plan';

/** Wait for a swapped-in service no longer in the file (no health timeout of its own there). */
const DEFAULT_HEALTH_TIMEOUT_MS = 120_000;

/** Each swap done so far, so that a failure puts every host back as before the rollback. */
interface SwapEntry {
  host: string;
  name: string;
  service: string;
  keptId: string;
  currentId?: string;
  currentWasRunning: boolean;
}

type Emit = (event: DeployEvent) => void;

/**
 * Lock → read → swap each service back to its kept version in cold-start order (hosts in
 * parallel, each waited on until healthy) → keep the replaced current ones, remove what the
 * last deploy created. On failure or cancel: every swap is undone, as a failed deploy is.
 */
export async function runRollback(ctx: ApplyContext): Promise<DeployReport> {
  const started = Date.now();
  const { desired, sessions, emit } = ctx;
  const byHost = new Map(sessions.map((s) => [s.desired.host.id, s]));
  const journal: SwapEntry[] = [];
  const phases: DeployReport['phases'] = [];
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  ctx.signal.addEventListener('abort', onCancel);
  const locked: HostSession[] = [];
  let plan: RollbackPlan | undefined;
  try {
    emit({ type: 'stage', stage: 'connect', message: `connecting to ${sessions.length} host(s)` });
    await Promise.all(sessions.map((s) => s.docker()));
    emit({ type: 'stage', stage: 'lock', message: 'locking every host' });
    await lockAll(ctx, locked);
    emit({ type: 'stage', stage: 'plan', message: 'reading the current and the kept versions on each host' });
    plan = planRollback(desired, await ctx.readAll(sessions));
    if (plan.nothing !== undefined) {
      emit({ type: 'stage', stage: 'finished', message: plan.nothing });
      return { outcome: 'nothing-to-do', error: plan.nothing, hosts: await hostReports(ctx, 'unchanged'), durationMs: Date.now() - started, phases };
    }
    const work = plan.hosts.flatMap((h) => h.actions.map((action) => ({ session: byHost.get(h.host)!, action })));
    for (let index = 0; index <= plan.phaseCount; index++) {
      checkCancelled(ctx.signal);
      const swaps = work.filter((w) => w.action.phase === index && w.action.kind === 'swap');
      if (swaps.length === 0) continue;
      emit({ type: 'stage', stage: 'phase', phase: index, message: `phase ${index + 1}: ${swaps.length} to swap back` });
      const phaseStarted = Date.now();
      try {
        await runSideBySide(swaps, ({ session, action }) => swapBack(session, action, journal, stop.signal, emit), stop, ctx.signal);
      } finally {
        phases.push({ index, services: swaps.length, durationMs: Date.now() - phaseStarted });
      }
    }
    emit({ type: 'stage', stage: 'cleanup', message: 'keeping the replaced versions, removing what the last deploy created' });
    const notes = await finish(journal, work.filter((w) => w.action.kind === 'remove'), byHost, emit);
    emit({ type: 'stage', stage: 'finished', message: `rolled ${plan.direction} in ${((Date.now() - started) / 1000).toFixed(1)} s` });
    return { outcome: 'succeeded', hosts: withNotes(await hostReports(ctx, 'converged'), notes), durationMs: Date.now() - started, phases };
  } catch (error) {
    const cancelled = ctx.signal.aborted;
    const message = (error as Error).message;
    emit({ type: 'log', message: cancelled ? 'rollback cancelled' : `rollback failed: ${message}` });
    if (!plan && (error as DeployError).code !== undefined) throw error;
    emit({ type: 'stage', stage: 'rollback', message: 'restoring the versions that ran before the rollback' });
    const notes = await undoSwaps(journal, byHost, emit);
    emit({ type: 'stage', stage: 'finished', message: cancelled ? 'rollback cancelled; every host is as before it' : 'rollback failed; every host is as before it' });
    return { outcome: cancelled ? 'cancelled' : 'failed', error: message, hosts: withNotes(await hostReports(ctx, 'rolled-back'), notes), durationMs: Date.now() - started, phases };
  } finally {
    ctx.signal.removeEventListener('abort', onCancel);
    await unlockAll(locked, desired.project, ctx.holder);
  }
}

/** Current → aside (stopped), kept → current name, started and waited on until healthy. */
async function swapBack(session: HostSession, action: RollbackAction, journal: SwapEntry[], signal: AbortSignal, emit: Emit): Promise<void> {
  const host = session.desired.host.id;
  const label = `${action.name} on ${host}`;
  const say = (step: Extract<DeployEvent, { type: 'service' }>['step'], message?: string) => emit({ type: 'service', host, service: action.service, name: action.name, step, message });
  const kept = action.kept!;
  const current = action.current;
  const docker = await session.docker();
  try {
    journal.push({ host, name: action.name, service: action.service, keptId: kept.id, currentId: current?.id, currentWasRunning: current?.state === 'running' });
    if (current) {
      say('stopping-old', `${current.hash} → ${kept.hash}`);
      await docker.getContainer(action.name + PREVIOUS_SUFFIX).remove({ force: true }).catch(ignore(404));
      await docker.getContainer(current.id).stop({ t: 10 }).catch(ignore(304));
      await docker.getContainer(current.id).rename({ name: action.name + PREVIOUS_SUFFIX });
    }
    checkCancelled(signal);
    await docker.getContainer(kept.id).rename({ name: action.name });
    await unparkKept(docker, kept.id, kept.summary.restart);
    say('starting');
    const container = docker.getContainer(kept.id);
    await container.start().catch(ignore(304));
    say('health-check');
    const info = await container.inspect();
    const test = info.Config.Healthcheck?.Test ?? [];
    const timeoutMs = session.desired.containers.find((c) => c.service === action.service)?.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
    await waitHealthy(container, label, { timeoutMs, hasHealthCheck: test.length > 0 && test[0] !== 'NONE', signal });
    say('healthy');
  } catch (error) {
    const wrapped = error instanceof DeployError ? error : new DeployError('DOCKER', `${label}: ${dockerMessage(error)}`, undefined, { cause: error });
    say('failed', wrapped.code === 'CANCELLED' ? 'stopped: another service failed or the rollback was cancelled' : wrapped.message);
    throw wrapped;
  }
}

/** After every swap succeeded: the replaced versions become the kept ones; services the last deploy created go. */
async function finish(journal: readonly SwapEntry[], removals: readonly { session: HostSession; action: RollbackAction }[], byHost: ReadonlyMap<string, HostSession>, emit: Emit): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  const note = (host: string, text: string) => (notes.get(host) ?? notes.set(host, []).get(host)!).push(text);
  for (const entry of journal.filter((e) => e.currentId)) {
    const docker = await byHost.get(entry.host)!.docker();
    await docker
      .getContainer(entry.currentId!)
      .rename({ name: entry.name + KEPT_SUFFIX })
      .then(() => parkKept(docker, entry.currentId!))
      .catch((e: unknown) => note(entry.host, `${entry.name}: the replaced version could not be kept (${dockerMessage(e)}); it stays stopped as ${entry.name}${PREVIOUS_SUFFIX}`));
  }
  for (const { session, action } of removals) {
    const docker = await session.docker();
    await docker.getContainer(action.current!.id).stop({ t: 10 }).catch(() => undefined);
    await docker.getContainer(action.current!.id).remove({ force: true }).catch(ignore(404));
    emit({ type: 'service', host: session.desired.host.id, service: action.service, name: action.name, step: 'removed', message: action.reason });
  }
  return notes;
}

/** Puts every swapped service back as before the rollback, retrying through reconnects. */
async function undoSwaps(journal: readonly SwapEntry[], byHost: ReadonlyMap<string, HostSession>, emit: Emit): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  await Promise.all(
    [...byHost.values()].map(async (session) => {
      const host = session.desired.host.id;
      for (const entry of journal.filter((e) => e.host === host).reverse()) {
        try {
          await retryTransient(async () => undoSwap(await session.docker(), entry), RECOVERY_WINDOW_MS);
          emit({ type: 'service', host, service: entry.service, name: entry.name, step: 'rolled-back', message: 'the version from before the rollback is back' });
        } catch (error) {
          (notes.get(host) ?? notes.set(host, []).get(host)!).push(`could not restore ${entry.name}: ${dockerMessage(error)}; run the rollback or a deploy again once the host is reachable`);
        }
      }
    }),
  );
  return notes;
}

/** Idempotent: the kept version stopped and back under its kept name, the current one back and started. */
async function undoSwap(docker: Docker, entry: SwapEntry): Promise<void> {
  await docker.getContainer(entry.keptId).stop({ t: 10 }).catch(ignore(304, 404));
  const holder = await docker.getContainer(entry.name).inspect().catch(ignore(404));
  if (holder?.Id === entry.keptId) await docker.getContainer(entry.keptId).rename({ name: entry.name + KEPT_SUFFIX });
  await parkKept(docker, entry.keptId).catch(ignore(404));
  if (!entry.currentId) return;
  const aside = await docker.getContainer(entry.name + PREVIOUS_SUFFIX).inspect().catch(ignore(404));
  if (aside?.Id === entry.currentId) await docker.getContainer(entry.currentId).rename({ name: entry.name });
  if (entry.currentWasRunning) await docker.getContainer(entry.currentId).start().catch(ignore(304));
}

function withNotes(hosts: HostReport[], notes: ReadonlyMap<string, string[]>): HostReport[] {
  for (const h of hosts) h.notes.push(...(notes.get(h.host) ?? []));
  return hosts;
}
