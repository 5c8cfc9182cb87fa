import type { Service, Topology } from '../model';
import { buildContext, type RuleContext } from './context';
import { RULES_BY_SCOPE } from './registry';
import type { Finding } from './types';
import { emitter, runGraphRules, runHostRules } from './validate';

/**
 * Re-validates after an edit by re-running only what the edit can change. Edits are
 * immutable (the store replaces the objects it changes), so a changed service is found
 * by reference in one pass, and what changed in it decides how far the work reaches:
 * - a field only that service's rules read (env, backup, image …): its service rules;
 * - its resources, volumes, ports or exposure: also the host rules of the host it is on;
 * - anything the dependency graph reads (id, kind, plane, environment, stateful,
 *   health check, replicas), or any other part of the document: everything, except
 *   service rules for services whose object is unchanged.
 */
export interface IncrementalValidator {
  /** Findings for the document and (when given) one tier, as `validateTopology` would return them. */
  update(topology: Topology, tierId?: string): readonly Finding[];
}

interface ServiceMemo {
  readonly index: number;
  readonly findings: readonly Finding[];
}

const NO_FINDINGS: readonly Finding[] = [];

export function createIncrementalValidator(): IncrementalValidator {
  let previous: Topology | undefined;
  let previousTier: string | undefined;
  let context: RuleContext | undefined;
  let tierIndex = -1;
  const memo = new WeakMap<Service, ServiceMemo>();
  let serviceFindings: (readonly Finding[])[] = [];
  let graphFindings: Finding[] = [];
  let tierFindings: Finding[] = [];
  let hostFindings: Finding[][] = [];
  let result: readonly Finding[] = NO_FINDINGS;

  const checkService = (service: Service, index: number): readonly Finding[] => {
    const known = memo.get(service);
    if (known && known.index === index) return known.findings;
    const found: Finding[] = [];
    for (const rule of RULES_BY_SCOPE.service) rule.check(service, index, emitter(rule, found));
    const findings = found.length === 0 ? NO_FINDINGS : found;
    memo.set(service, { index, findings });
    return findings;
  };

  const rerunHost = (h: number) => {
    const found: Finding[] = [];
    runHostRules(context!, tierIndex, h, found);
    hostFindings[h] = found;
  };

  const full = (topology: Topology, tierId: string | undefined) => {
    context = buildContext(topology);
    serviceFindings = topology.services.map(checkService);
    graphFindings = [];
    runGraphRules(context, graphFindings);
    tierIndex = tierId === undefined ? -1 : topology.tiers.findIndex((t) => t.id === tierId);
    tierFindings = [];
    hostFindings = [];
    if (tierIndex < 0) return;
    const tier = context.tier(tierIndex);
    for (const rule of RULES_BY_SCOPE.tier) rule.check(context, tier, emitter(rule, tierFindings));
    for (let h = 0; h < tier.tier.hosts.length; h++) rerunHost(h);
  };

  /** Patches the state for changed services; false when the change reaches the graph. */
  const patch = (before: Topology, after: Topology): boolean => {
    const a = before.services;
    const b = after.services;
    if (a.length !== b.length) return false;
    const hosts = new Set<number>();
    const tier = tierIndex >= 0 ? context!.tier(tierIndex) : undefined;
    for (let i = 0; i < b.length; i++) {
      const old = a[i]!;
      const now = b[i]!;
      if (old === now) continue;
      if (touchesGraph(old, now)) return false;
      if (tier && touchesHost(old, now) && tier.hostOf[i]! >= 0) hosts.add(tier.hostOf[i]!);
    }
    context!.topology = after;
    for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) serviceFindings[i] = checkService(b[i]!, i);
    for (const h of hosts) rerunHost(h);
    return true;
  };

  return {
    update(topology, tierId) {
      if (topology === previous && tierId === previousTier) return result;
      const onlyServices =
        previous !== undefined &&
        context !== undefined &&
        tierId === previousTier &&
        topology.dependencies === previous.dependencies &&
        topology.planes === previous.planes &&
        topology.environments === previous.environments &&
        topology.tiers === previous.tiers;
      if (!onlyServices || !patch(previous!, topology)) full(topology, tierId);
      previous = topology;
      previousTier = tierId;
      result = collect(serviceFindings, graphFindings, tierFindings, hostFindings);
      return result;
    },
  };
}

/** One flat list; a plain loop, since `flat()` over thousands of mostly empty lists is slow. */
function collect(perService: readonly (readonly Finding[])[], graph: readonly Finding[], tier: readonly Finding[], perHost: readonly (readonly Finding[])[]): Finding[] {
  const all: Finding[] = [];
  for (const list of perService) for (let i = 0; i < list.length; i++) all.push(list[i]!);
  for (const f of graph) all.push(f);
  for (const f of tier) all.push(f);
  for (const list of perHost) for (let i = 0; i < list.length; i++) all.push(list[i]!);
  return all;
}

function touchesGraph(a: Service, b: Service): boolean {
  return (
    a.id !== b.id ||
    a.kind !== b.kind ||
    a.plane !== b.plane ||
    a.environment !== b.environment ||
    a.stateful !== b.stateful ||
    a.replicas !== b.replicas ||
    (a.healthCheck === undefined) !== (b.healthCheck === undefined)
  );
}

function touchesHost(a: Service, b: Service): boolean {
  return a.resources !== b.resources || a.volumes !== b.volumes || a.ports !== b.ports || a.exposure !== b.exposure;
}
