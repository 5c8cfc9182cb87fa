import type { DesiredContainer, DesiredHost, DesiredState } from './desired';

/** A container Stackdraft created earlier, as read back from a host by its labels. */
export interface RunningContainer {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly replica: number;
  readonly hash: string;
  readonly summary: Record<string, string>;
  /** Docker's state: running, exited, created, restarting … */
  readonly state: string;
  /** healthy, unhealthy, starting; undefined without a health check. */
  readonly health?: string;
  /** Renamed aside by a replace that never finished. */
  readonly previous: boolean;
  /** The previous version kept (stopped) by the last successful deploy or rollback. */
  readonly kept?: boolean;
  /** Start time of the deploy that created it ('' before generations were labelled). */
  readonly generation?: string;
  /** When Docker created it (ISO time). */
  readonly createdAt?: string;
}

export interface RunningHost {
  readonly containers: readonly RunningContainer[];
  readonly networks: readonly string[];
  readonly volumes: readonly string[];
  readonly images: ReadonlySet<string>;
  readonly lock?: { holder: string; since: string };
}

export type ActionKind = 'create' | 'replace' | 'remove' | 'unchanged';

export interface PlannedAction {
  readonly kind: ActionKind;
  readonly service: string;
  readonly name: string;
  /** Cold-start phase (absent for removals, which run after every phase succeeded). */
  readonly phase?: number;
  readonly reasons: readonly string[];
  readonly desired?: DesiredContainer;
  readonly running?: RunningContainer;
}

export interface HostPlan {
  readonly host: string;
  readonly address: string;
  readonly actions: readonly PlannedAction[];
  readonly createNetworks: readonly { name: string; internal: boolean }[];
  readonly createVolumes: readonly string[];
  readonly removeNetworks: readonly string[];
  /** Volumes no longer used: listed, never deleted (they hold data). */
  readonly unusedVolumes: readonly string[];
  /** Images the host lacks; apply tries to pull them. */
  readonly missingImages: readonly string[];
  readonly lock?: { holder: string; since: string };
}

export interface DeployPlan {
  readonly project: string;
  readonly tier: string;
  readonly phases: readonly (readonly string[])[];
  readonly hosts: readonly HostPlan[];
  readonly problems: readonly string[];
}

export const isCurrent = (c: RunningContainer): boolean => !c.previous && !c.kept;

/** Desired vs running on one host: what to create, replace (and why), remove or leave alone. */
export function diffHost(desired: DesiredHost, running: RunningHost): HostPlan {
  // Kept previous versions are neither running services nor orphans: only a rollback uses them.
  const current = new Map(running.containers.filter(isCurrent).map((c) => [`${c.service}#${c.replica}`, c]));
  const actions: PlannedAction[] = [];
  for (const want of desired.containers) {
    const key = `${want.service}#${want.replica}`;
    const have = current.get(key);
    current.delete(key);
    if (!have) {
      actions.push({ kind: 'create', service: want.service, name: want.name, phase: want.phase, reasons: ['not running on this host yet'], desired: want });
    } else if (have.hash !== want.hash) {
      actions.push({ kind: 'replace', service: want.service, name: want.name, phase: want.phase, reasons: describeChanges(have.summary, want.summary), desired: want, running: have });
    } else if (have.state !== 'running' || have.health === 'unhealthy') {
      const why = have.state !== 'running' ? `the container is ${have.state}` : 'the container is unhealthy';
      actions.push({ kind: 'replace', service: want.service, name: want.name, phase: want.phase, reasons: [why], desired: want, running: have });
    } else {
      actions.push({ kind: 'unchanged', service: want.service, name: want.name, phase: want.phase, reasons: [], desired: want, running: have });
    }
  }
  for (const gone of current.values()) {
    actions.push({ kind: 'remove', service: gone.service, name: gone.name, reasons: ['no longer placed on this host in this tier'], running: gone });
  }
  for (const leftover of running.containers.filter((c) => c.previous)) {
    actions.push({ kind: 'remove', service: leftover.service, name: leftover.name, reasons: ['left over from an interrupted deploy'], running: leftover });
  }
  const wantedNetworks = new Set(desired.networks.map((n) => n.name));
  const wantedVolumes = new Set(desired.volumes);
  const wantedImages = new Set(desired.containers.filter((c) => actionNeedsImage(actions, c)).map((c) => c.image));
  return {
    host: desired.host.id,
    address: desired.target.address,
    actions,
    createNetworks: desired.networks.filter((n) => !running.networks.includes(n.name)),
    createVolumes: desired.volumes.filter((v) => !running.volumes.includes(v)),
    removeNetworks: running.networks.filter((n) => !wantedNetworks.has(n)),
    unusedVolumes: running.volumes.filter((v) => !wantedVolumes.has(v)),
    missingImages: [...wantedImages].filter((i) => !running.images.has(i)),
    lock: running.lock,
  };
}

function actionNeedsImage(actions: readonly PlannedAction[], container: DesiredContainer): boolean {
  return actions.some((a) => a.desired === container && (a.kind === 'create' || a.kind === 'replace'));
}

/** "image: local/app:1 → local/app:2", one line per field that differs. */
export function describeChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = fields
    .filter((f) => before[f] !== after[f])
    .map((f) => (f === 'secrets' ? 'secrets: a value or reference changed' : `${f}: ${short(before[f])} → ${short(after[f])}`));
  return changes.length > 0 ? changes : ['configuration hash differs'];
}

const short = (value: string | undefined): string => {
  if (value === undefined || value === '') return '(none)';
  const oneLine = value.replace(/\n/g, '; ');
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
};

export function planFrom(desired: DesiredState, running: ReadonlyMap<string, RunningHost>): DeployPlan {
  return {
    project: desired.project,
    tier: desired.tier,
    phases: desired.phases,
    problems: desired.problems,
    hosts: desired.hosts.map((h) => diffHost(h, running.get(h.host.id) ?? { containers: [], networks: [], volumes: [], images: new Set() })),
  };
}

export function planHasChanges(plan: DeployPlan): boolean {
  return plan.hosts.some((h) => h.actions.some((a) => a.kind !== 'unchanged') || h.createNetworks.length > 0 || h.createVolumes.length > 0 || h.removeNetworks.length > 0);
}
