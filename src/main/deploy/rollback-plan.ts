import type { DesiredState } from './desired';
import { KEPT_SUFFIX } from './labels';
import { isCurrent, type RunningContainer, type RunningHost } from './plan';

/**
 * swap: the kept previous version comes back, the current one is kept in its place;
 * remove: the last deploy created the service, so it has no previous version.
 */
export type RollbackKind = 'swap' | 'remove' | 'unchanged';

export interface RollbackAction {
  readonly kind: RollbackKind;
  readonly service: string;
  readonly name: string;
  /** Cold-start phase of the service in the file; services no longer in the file come last. */
  readonly phase: number;
  readonly reason: string;
  /** What runs now (absent when a kept version has no current container left). */
  readonly current?: RunningContainer;
  readonly kept?: RunningContainer;
}

export interface RollbackHostPlan {
  readonly host: string;
  readonly address: string;
  readonly actions: readonly RollbackAction[];
  readonly lock?: { holder: string; since: string };
}

export interface RollbackPlan {
  readonly project: string;
  readonly tier: string;
  /** back: undoes the last deploy; forward: undoes the last rollback. */
  readonly direction: 'back' | 'forward';
  readonly phaseCount: number;
  readonly hosts: readonly RollbackHostPlan[];
  /** Set when there is nothing to roll back, saying why. */
  readonly nothing?: string;
}

const keyOf = (c: RunningContainer) => `${c.service}#${c.replica}`;
const latest = (containers: readonly RunningContainer[]) => containers.reduce((max, c) => ((c.generation ?? '') > max ? (c.generation ?? '') : max), '');

/**
 * What a rollback will do: every service with a kept previous version swaps back to it. When
 * the last change was a deploy (its generation is newer than anything kept), the services it
 * created have no previous version and are removed; after a rollback, rolling again only swaps.
 */
export function planRollback(desired: DesiredState, running: ReadonlyMap<string, RunningHost>): RollbackPlan {
  const all = desired.hosts.flatMap((h) => running.get(h.host.id)?.containers ?? []);
  const lastDeploy = latest(all.filter(isCurrent));
  const direction = lastDeploy > latest(all.filter((c) => c.kept)) ? 'back' : 'forward';
  const phaseCount = desired.phases.length;
  const hosts = desired.hosts.map((h): RollbackHostPlan => {
    const state: Pick<RunningHost, 'containers' | 'lock'> = running.get(h.host.id) ?? { containers: [] };
    const phaseOf = new Map(h.containers.map((c) => [`${c.service}#${c.replica}`, c.phase]));
    const kept = new Map(state.containers.filter((c) => c.kept).map((c) => [keyOf(c), c]));
    const actions: RollbackAction[] = [];
    const add = (kind: RollbackKind, reason: string, current: RunningContainer | undefined, previous: RunningContainer | undefined) => {
      const any = (current ?? previous)!;
      actions.push({ kind, service: any.service, name: current?.name ?? any.name.slice(0, -KEPT_SUFFIX.length), phase: phaseOf.get(keyOf(any)) ?? phaseCount, reason, current, kept: previous });
    };
    for (const current of state.containers.filter(isCurrent)) {
      const previous = kept.get(keyOf(current));
      kept.delete(keyOf(current));
      if (previous) add('swap', `back to the version kept by the last ${direction === 'back' ? 'deploy' : 'rollback'}`, current, previous);
      else if (direction === 'back' && lastDeploy !== '' && current.generation === lastDeploy) add('remove', 'created by the last deploy: there is no previous version', current, undefined);
      else add('unchanged', `not changed by the last ${direction === 'back' ? 'deploy' : 'rollback'}`, current, undefined);
    }
    for (const orphan of kept.values()) add('swap', 'its current container is gone: the kept version is started again', undefined, orphan);
    actions.sort((a, b) => a.phase - b.phase);
    return { host: h.host.id, address: h.target.address, actions, ...(state.lock ? { lock: state.lock } : {}) };
  });
  const swaps = hosts.some((h) => h.actions.some((a) => a.kind === 'swap'));
  return {
    project: desired.project,
    tier: desired.tier,
    direction,
    phaseCount,
    hosts,
    ...(swaps ? {} : { nothing: `nothing to roll back: no previous version of tier "${desired.tier}" is kept on its hosts (a deploy keeps one only when it replaces a container)` }),
  };
}
