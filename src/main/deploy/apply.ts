import type Docker from 'dockerode';
import type { DesiredState } from './desired';
import type { HostSession } from './engine';
import { DeployError, dockerMessage, statusCodeOf } from './errors';
import type { DeployEvent, DeployReport, HostReport } from './events';
import { waitHealthy } from './health';
import { parkKept } from './kept';
import { KEPT_SUFFIX, LABEL, PREVIOUS_SUFFIX } from './labels';
import { deployEnded, releaseHostLock, takeHostLock } from './lock';
import { planFrom, planHasChanges, type DeployPlan, type PlannedAction, type RunningHost } from './plan';
import { retryTransient } from './retry';

/** How long restoring a host (and releasing its lock) keeps trying through a reconnect or a dockerd restart. */
export const RECOVERY_WINDOW_MS = 30_000;

export interface ApplyContext {
  desired: DesiredState;
  sessions: readonly HostSession[];
  readAll(sessions: readonly HostSession[]): Promise<Map<string, RunningHost>>;
  holder: string;
  signal: AbortSignal;
  emit(event: DeployEvent): void;
  breakLock: boolean;
  staleLockMs: number;
}

/** What this deploy changed, so that a failure can put every host back as it was. */
interface Journal {
  containers: { host: string; name: string; service: string; oldId?: string; oldWasRunning: boolean }[];
  networks: { host: string; name: string }[];
  volumes: { host: string; name: string }[];
}

export const ignore = (...codes: number[]) => (error: unknown) => {
  if (!codes.includes(statusCodeOf(error) ?? -1)) throw error;
};

/**
 * Lock → plan under the lock → images → networks and volumes → phases in cold-start order
 * (hosts and services in parallel within a phase, each waited on until healthy) → clean
 * up. On any failure or cancel: stop, start no dependents, restore what was changed.
 */
export async function runApply(ctx: ApplyContext): Promise<DeployReport> {
  const started = Date.now();
  // Labelled on every container this deploy creates, so a rollback knows which ones it created.
  const generation = new Date(started).toISOString();
  const { desired, sessions, emit } = ctx;
  const byHost = new Map(sessions.map((s) => [s.desired.host.id, s]));
  const journal: Journal = { containers: [], networks: [], volumes: [] };
  const phases: DeployReport['phases'] = [];
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  ctx.signal.addEventListener('abort', onCancel);
  const locked: HostSession[] = [];
  let plan: DeployPlan | undefined;
  try {
    emit({ type: 'stage', stage: 'connect', message: `connecting to ${sessions.length} host(s)` });
    await Promise.all(sessions.map((s) => s.docker()));

    emit({ type: 'stage', stage: 'lock', message: 'locking every host' });
    await lockAll(ctx, locked);

    emit({ type: 'stage', stage: 'plan', message: 'reading what runs on each host' });
    plan = planFrom(desired, await ctx.readAll(sessions));
    if (!planHasChanges(plan)) {
      emit({ type: 'stage', stage: 'finished', message: 'nothing to do: every host already runs this tier as planned' });
      return { outcome: 'nothing-to-do', hosts: await hostReports(ctx, 'unchanged'), durationMs: Date.now() - started, phases };
    }

    await pullMissingImages(plan, byHost, emit);
    await createNetworksAndVolumes(plan, byHost, journal, emit);

    for (let index = 0; index < desired.phases.length; index++) {
      checkCancelled(ctx.signal);
      const work = plan.hosts.flatMap((h) => h.actions.filter((a) => a.phase === index).map((action) => ({ session: byHost.get(h.host)!, action })));
      for (const { session, action } of work.filter((w) => w.action.kind === 'unchanged')) {
        emit({ type: 'service', host: session.desired.host.id, service: action.service, name: action.name, step: 'unchanged' });
      }
      const changes = work.filter((w) => w.action.kind === 'create' || w.action.kind === 'replace');
      emit({ type: 'stage', stage: 'phase', phase: index, message: `phase ${index + 1}/${desired.phases.length}: ${changes.length} to start, ${work.length - changes.length} unchanged` });
      const phaseStarted = Date.now();
      try {
        await runSideBySide(changes, ({ session, action }) => startService(session, action, generation, journal, stop.signal, emit), stop, ctx.signal);
      } finally {
        phases.push({ index, services: changes.length, durationMs: Date.now() - phaseStarted });
      }
    }

    emit({ type: 'stage', stage: 'cleanup', message: 'keeping the replaced containers for a rollback, removing retired ones' });
    const notes = await cleanUp(plan, byHost, journal, emit);
    emit({ type: 'stage', stage: 'finished', message: `deployed in ${((Date.now() - started) / 1000).toFixed(1)} s` });
    const hosts = await hostReports(ctx, 'converged');
    for (const h of hosts) h.notes.push(...(notes.get(h.host) ?? []));
    return { outcome: 'succeeded', hosts, durationMs: Date.now() - started, phases };
  } catch (error) {
    const cancelled = ctx.signal.aborted;
    const message = (error as Error).message;
    emit({ type: 'log', message: cancelled ? 'deploy cancelled' : `deploy failed: ${message}` });
    let hosts: HostReport[] = [];
    if (plan) {
      emit({ type: 'stage', stage: 'rollback', message: 'restoring the previous containers' });
      const notes = await rollBack(journal, byHost, emit);
      hosts = await hostReports(ctx, 'rolled-back');
      for (const h of hosts) h.notes.push(...(notes.get(h.host) ?? []));
    }
    emit({ type: 'stage', stage: 'finished', message: cancelled ? 'cancelled and rolled back' : 'failed and rolled back' });
    if (!plan && (error as DeployError).code !== undefined) throw error;
    return { outcome: cancelled ? 'cancelled' : 'failed', error: message, hosts, durationMs: Date.now() - started, phases };
  } finally {
    ctx.signal.removeEventListener('abort', onCancel);
    await unlockAll(locked, desired.project, ctx.holder);
  }
}

/** Locks every host, pushing each onto `locked` as soon as it is ours (so a failure releases it). */
export async function lockAll(ctx: Pick<ApplyContext, 'desired' | 'sessions' | 'holder' | 'staleLockMs' | 'breakLock'>, locked: HostSession[]): Promise<void> {
  // One host after another in a fixed order: of two deploys at once, the first to get
  // the first host wins, instead of each holding some hosts and both giving up.
  for (const s of [...ctx.sessions].sort((a, b) => a.desired.host.id.localeCompare(b.desired.host.id))) {
    await takeHostLock(await s.docker(), s.label, {
      project: ctx.desired.project,
      holder: ctx.holder,
      staleAfterMs: ctx.staleLockMs,
      breakLock: ctx.breakLock,
      images: s.desired.containers.map((c) => c.image),
    });
    locked.push(s);
  }
}

/** Releases our locks; a lock left behind would refuse the re-run that repairs the host, so outlast short outages. */
export async function unlockAll(locked: readonly HostSession[], project: string, holder: string): Promise<void> {
  await Promise.allSettled(locked.map((s) => retryTransient(async () => releaseHostLock(await s.docker(), project, holder), RECOVERY_WINDOW_MS)));
  deployEnded(holder);
}

/**
 * Runs one phase's services side by side. The first failure stops the others (through `stop`)
 * and is thrown once all have settled — a cancel as such, not as a sibling's failure.
 */
export async function runSideBySide<T>(items: readonly T[], start: (item: T) => Promise<void>, stop: AbortController, signal: AbortSignal): Promise<void> {
  const results = await Promise.allSettled(
    items.map((item) =>
      start(item).catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
    ),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
  if (failures.length > 0) {
    checkCancelled(signal);
    throw failures.find((f) => (f as DeployError).code !== 'CANCELLED') ?? failures[0];
  }
}

export function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DeployError('CANCELLED', 'the deploy was cancelled');
}

async function startService(session: HostSession, action: PlannedAction, generation: string, journal: Journal, signal: AbortSignal, emit: ApplyContext['emit']): Promise<void> {
  const host = session.desired.host.id;
  const want = action.desired!;
  const label = `${action.name} on ${host}`;
  const step = (s: Parameters<ApplyContext['emit']>[0] & { type: 'service' }) => emit(s);
  const say = (stepName: Extract<DeployEvent, { type: 'service' }>['step'], message?: string) =>
    step({ type: 'service', host, service: action.service, name: action.name, step: stepName, message });
  const docker = await session.docker();
  try {
    if (action.kind === 'replace') {
      const old = action.running!;
      journal.containers.push({ host, name: action.name, service: action.service, oldId: old.id, oldWasRunning: old.state === 'running' });
      say('stopping-old', action.reasons.join('; '));
      await docker.getContainer(action.name + PREVIOUS_SUFFIX).remove({ force: true }).catch(ignore(404));
      await docker.getContainer(old.id).stop({ t: 10 }).catch(ignore(304));
      await docker.getContainer(old.id).rename({ name: action.name + PREVIOUS_SUFFIX });
    } else {
      journal.containers.push({ host, name: action.name, service: action.service, oldWasRunning: false });
    }
    checkCancelled(signal);
    say('creating');
    const body = want.createBody as Docker.ContainerCreateOptions;
    const container = await docker.createContainer({ ...body, Labels: { ...body.Labels, [LABEL.generation]: generation } });
    for (const network of want.extraNetworks) {
      await docker.getNetwork(network).connect({ Container: container.id, EndpointConfig: { Aliases: [want.alias] } });
    }
    checkCancelled(signal);
    say('starting');
    await container.start();
    say('health-check');
    await waitHealthy(container, label, { timeoutMs: want.healthTimeoutMs, hasHealthCheck: want.hasHealthCheck, signal });
    say('healthy');
  } catch (error) {
    const wrapped = error instanceof DeployError ? error : new DeployError('DOCKER', `${label}: ${dockerMessage(error)}`, undefined, { cause: error });
    say('failed', wrapped.code === 'CANCELLED' ? 'stopped: another service failed or the deploy was cancelled' : wrapped.message);
    throw wrapped;
  }
}

async function pullMissingImages(plan: DeployPlan, byHost: ReadonlyMap<string, HostSession>, emit: ApplyContext['emit']): Promise<void> {
  const pulls = plan.hosts.flatMap((h) => h.missingImages.map((image) => ({ session: byHost.get(h.host)!, image })));
  if (pulls.length === 0) return;
  emit({ type: 'stage', stage: 'images', message: `pulling ${pulls.length} image(s)` });
  const results = await Promise.allSettled(
    pulls.map(async ({ session, image }) => {
      const docker = await session.docker();
      try {
        const stream = await docker.pull(image);
        await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())));
      } catch (error) {
        throw new DeployError('IMAGE_MISSING', `${session.label}: image "${image}" is not on the host and could not be pulled (${dockerMessage(error)}). Load it there (docker load) or fix the image name.`, { host: session.desired.host.id, image });
      }
    }),
  );
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) throw new DeployError('IMAGE_MISSING', failed.map((f) => (f.reason as Error).message).join('\n'));
}

async function createNetworksAndVolumes(plan: DeployPlan, byHost: ReadonlyMap<string, HostSession>, journal: Journal, emit: ApplyContext['emit']): Promise<void> {
  const labels = (kind: string) => ({ [LABEL.project]: plan.project, [LABEL.tier]: plan.tier, [LABEL.service]: `(${kind})` });
  emit({ type: 'stage', stage: 'networks', message: 'creating networks and volumes' });
  await Promise.all(
    plan.hosts.map(async (h) => {
      const docker = await byHost.get(h.host)!.docker();
      for (const network of h.createNetworks) {
        journal.networks.push({ host: h.host, name: network.name });
        await docker.createNetwork({ Name: network.name, Driver: 'bridge', Internal: network.internal, CheckDuplicate: true, Labels: labels('network') });
      }
      for (const volume of h.createVolumes) {
        journal.volumes.push({ host: h.host, name: volume });
        await docker.createVolume({ Name: volume, Labels: labels('volume') });
      }
    }),
  );
}

async function cleanUp(plan: DeployPlan, byHost: ReadonlyMap<string, HostSession>, journal: Journal, emit: ApplyContext['emit']): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  await Promise.all(
    plan.hosts.map(async (h) => {
      const docker = await byHost.get(h.host)!.docker();
      const note = (text: string) => (notes.get(h.host) ?? notes.set(h.host, []).get(h.host)!).push(text);
      const kept = await keepReplaced(docker, plan.project, journal.containers.filter((c) => c.host === h.host && c.oldId), note);
      if (kept > 0) note(`${kept} previous container(s) kept stopped for a rollback`);
      for (const action of h.actions.filter((a) => a.kind === 'remove')) {
        await docker.getContainer(action.running!.id).stop({ t: 10 }).catch(() => undefined);
        await docker.getContainer(action.running!.id).remove({ force: true }).catch(ignore(404));
        emit({ type: 'service', host: h.host, service: action.service, name: action.name, step: 'removed', message: action.reasons.join('; ') });
      }
      for (const network of h.removeNetworks) {
        await docker.getNetwork(network).remove().catch((e: unknown) => note(`network ${network} kept: ${dockerMessage(e)}`));
      }
      for (const volume of h.unusedVolumes) note(`volume ${volume} is no longer used; kept because it may hold data`);
    }),
  );
  return notes;
}

/**
 * The replaced containers become the one kept previous generation (stopped, renamed
 * `-sdkept`); kept containers of earlier deploys go, so nothing piles up and a rollback
 * undoes exactly this deploy.
 */
async function keepReplaced(docker: Docker, project: string, replaced: Journal['containers'], note: (text: string) => void): Promise<number> {
  const filters = JSON.stringify({ label: [`${LABEL.project}=${project}`] });
  const older = (await docker.listContainers({ all: true, filters })).filter((c) => c.Names[0]?.endsWith(KEPT_SUFFIX));
  for (const c of older) await docker.getContainer(c.Id).remove({ force: true }).catch(ignore(404));
  let kept = 0;
  for (const entry of replaced) {
    try {
      await docker.getContainer(entry.oldId!).rename({ name: entry.name + KEPT_SUFFIX });
      await parkKept(docker, entry.oldId!);
      kept++;
    } catch (error) {
      note(`could not keep the replaced ${entry.name} for a rollback: ${dockerMessage(error)}`);
      await docker.getContainer(entry.oldId!).remove({ force: true }).catch(() => undefined);
    }
  }
  return kept;
}

/** Puts every host back: new containers removed, old ones renamed back and started. */
async function rollBack(journal: Journal, byHost: ReadonlyMap<string, HostSession>, emit: ApplyContext['emit']): Promise<Map<string, string[]>> {
  const notes = new Map<string, string[]>();
  await Promise.all(
    [...byHost.values()].map(async (session) => {
      const host = session.desired.host.id;
      const note = (text: string) => (notes.get(host) ?? notes.set(host, []).get(host)!).push(text);
      const touched = journal.containers.filter((c) => c.host === host).reverse();
      const networks = journal.networks.filter((n) => n.host === host);
      const volumes = journal.volumes.filter((v) => v.host === host);
      if (touched.length + networks.length + volumes.length === 0) return;
      // Every step is idempotent and asks for a fresh client, so it can be retried through a reconnect.
      const retried = (step: (docker: Docker) => Promise<unknown>) => retryTransient(async () => step(await session.docker()), RECOVERY_WINDOW_MS);
      for (const entry of touched) {
        try {
          await retried((docker) => restoreContainer(docker, entry));
          emit({ type: 'service', host, service: entry.service, name: entry.name, step: 'rolled-back', message: entry.oldId ? 'previous container restored' : 'new container removed' });
        } catch (error) {
          note(`could not restore ${entry.name}: ${dockerMessage(error)}; run the deploy again once the host is reachable — it finds and fixes what is left`);
        }
      }
      await settleRestored(touched, retried);
      for (const { name } of networks) await retried((docker) => docker.getNetwork(name).remove().catch(ignore(404))).catch((e: unknown) => note(`network ${name} left: ${dockerMessage(e)}`));
      for (const { name } of volumes) await retried((docker) => docker.getVolume(name).remove().catch(ignore(404))).catch((e: unknown) => note(`volume ${name} left: ${dockerMessage(e)}`));
    }),
  );
  return notes;
}

/**
 * Checks, a moment after the rollback, that each host still looks as before, and restores
 * again what does not: a dockerd that restarts stops what was just restored.
 */
async function settleRestored(entries: Journal['containers'], retried: (step: (docker: Docker) => Promise<unknown>) => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + RECOVERY_WINDOW_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const wrong: Journal['containers'] = [];
    for (const entry of entries) {
      const ok = await retried(async (docker) => {
        const current = await docker.getContainer(entry.name).inspect().catch(ignore(404));
        return entry.oldId ? current?.Id === entry.oldId && (!entry.oldWasRunning || current.State.Running) : !current;
      }).catch(() => false);
      if (!ok) wrong.push(entry);
    }
    if (wrong.length === 0) return;
    for (const entry of wrong) await retried((docker) => restoreContainer(docker, entry)).catch(() => undefined);
  }
}

/** Puts one container back as before the deploy: whatever holds its name now goes, the previous one returns. */
async function restoreContainer(docker: Docker, entry: Journal['containers'][number]): Promise<void> {
  // By name, not by id: a create whose answer was lost with the connection still left a container.
  const current = await docker.getContainer(entry.name).inspect().catch(ignore(404));
  if (current && current.Id !== entry.oldId) await docker.getContainer(current.Id).remove({ force: true }).catch(ignore(404));
  if (!entry.oldId) return;
  const aside = await docker.getContainer(entry.name + PREVIOUS_SUFFIX).inspect().catch(ignore(404));
  if (aside?.Id === entry.oldId) await docker.getContainer(entry.oldId).rename({ name: entry.name });
  if (entry.oldWasRunning) await docker.getContainer(entry.oldId).start().catch(ignore(304));
}

export async function hostReports(ctx: Pick<ApplyContext, 'sessions' | 'desired'>, outcome: HostReport['outcome']): Promise<HostReport[]> {
  return Promise.all(
    ctx.sessions.map(async (s): Promise<HostReport> => {
      const host = s.desired.host.id;
      try {
        const docker = await s.docker();
        const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${LABEL.project}=${ctx.desired.project}`] }) });
        const containers = list
          .filter((c) => c.Labels[LABEL.configHash] !== undefined && !c.Names[0]?.endsWith(KEPT_SUFFIX))
          .map((c) => ({
            name: c.Names[0]!.replace(/^\//, ''),
            service: c.Labels[LABEL.service]!,
            state: c.State,
            health: /\((healthy|unhealthy|health: starting)\)/.exec(c.Status)?.[1]?.replace('health: ', ''),
          }));
        return { host, outcome, containers, notes: [] };
      } catch (error) {
        return { host, outcome: 'unknown', containers: [], notes: [`cannot read the host's state: ${(error as Error).message}`] };
      }
    }),
  );
}
