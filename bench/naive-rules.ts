/**
 * The baseline for `rules.bench.ts`: the same rules written the straightforward way —
 * look things up by scanning arrays (`find`, `filter`, `some`), recompute per question,
 * no index, no memo. It must find the same findings (the benchmark checks), so that the
 * comparison is between two ways of answering the same questions.
 */
import { measureHost } from '../src/shared/analysis/capacity';
import { STATEFUL_KINDS, type Host, type Service, type Tier, type Topology } from '../src/shared/model';

export interface NaiveFinding {
  rule: string;
  key: string;
}

const SECRET_NAME = /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|_PASS$|^PASS$|_PWD$)/i;
const SECRET_VALUE = /(-----BEGIN [A-Z ]*PRIVATE KEY|^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@|^(sk|pk|rk)_(live|test)_|^gh[pousr]_[A-Za-z0-9]{20,}|^AKIA[0-9A-Z]{16}$|^xox[abpr]-)/;
const REFERENCE = /^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\/run\/secrets\/.*|\/.*\.(txt|key|pem)|changeme|)$/i;
const LOCAL_BIND = /^(127\.|::1$|localhost$|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

export function naiveValidate(topology: Topology, tierId: string): NaiveFinding[] {
  const out: NaiveFinding[] = [];
  const add = (rule: string, key: string) => out.push({ rule, key });
  const { services, dependencies, planes, environments } = topology;
  const tier = topology.tiers.find((t) => t.id === tierId)!;
  const byId = (id: string) => services.find((s) => s.id === id);
  const placementOf = (id: string) => tier.placements.find((p) => p.service === id);
  const hostOf = (id: string) => {
    const p = placementOf(id);
    return p ? tier.hosts.find((h) => h.id === p.host) : undefined;
  };
  const running = (s: Service) => {
    const p = placementOf(s.id);
    const h = p ? tier.hosts.find((x) => x.id === p.host) : undefined;
    return s.kind !== 'external' && h !== undefined && h.role === 'active' && (p!.replicas ?? s.replicas) > 0;
  };
  const envKind = (s: Service) => {
    const env = s.environment ?? hostOf(s.id)?.environment;
    return environments.find((e) => e.id === env)?.kind;
  };
  const hardNeeds = (s: Service) => dependencies.filter((d) => d.from === s.id && d.kind === 'hard' && d.to !== s.id && byId(d.to)).map((d) => byId(d.to)!);
  const hardDependents = (s: Service) => dependencies.filter((d) => d.to === s.id && d.kind === 'hard' && d.from !== s.id && byId(d.from)).map((d) => byId(d.from)!);

  for (const s of services) {
    if (s.kind !== 'external' && s.replicas > 0 && (s.resources.cpu?.limit === undefined || s.resources.memoryMiB?.limit === undefined)) add('resource-limits', s.id);
    for (const [k, v] of Object.entries(s.env)) if (!REFERENCE.test(v) && (SECRET_NAME.test(k) || SECRET_VALUE.test(v))) add('plain-secret', `${s.id}.${k}`);
    if (s.stateful && s.kind !== 'external' && !s.backup) add('backup-policy', s.id);
  }
  for (const d of dependencies) {
    const from = byId(d.from);
    const to = byId(d.to);
    if (!from || !to) {
      add('dangling-dependency', `${d.from}->${d.to}`);
      continue;
    }
    const a = planes.find((p) => p.id === from.plane);
    const b = planes.find((p) => p.id === to.plane);
    if (a && b && a !== b && a.mayCall !== undefined && !a.mayCall.includes(b.id)) add('plane-isolation', `${d.from}->${d.to}`);
  }
  // Cycles: a service is on one when it can reach itself through hard needs.
  const onCycle = new Set<string>();
  for (const s of services) {
    const seen = new Set<string>();
    const stack = hardNeeds(s);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next.id === s.id) {
        onCycle.add(s.id);
        break;
      }
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      stack.push(...hardNeeds(next));
    }
  }
  if (onCycle.size > 0) add('hard-cycle', [...onCycle].sort().join(','));
  for (const s of services) if (s.kind !== 'external' && !s.healthCheck && hardDependents(s).length > 0) add('health-check', s.id);

  for (const s of services) {
    if (s.kind === 'external') continue;
    const p = placementOf(s.id);
    if (!p || !tier.hosts.some((h) => h.id === p.host)) add('unplaced', s.id);
  }
  for (const d of dependencies) {
    const from = byId(d.from);
    const to = byId(d.to);
    if (!from || !to || !to.stateful) continue;
    const fk = envKind(from);
    if ((fk === 'staging' || fk === 'development') && envKind(to) === 'production') add('stage-to-prod', `${d.from}->${d.to}`);
  }
  const reach = (s: Service) => {
    const seen = new Set<string>([s.id]);
    const queue = [s];
    while (queue.length > 0) {
      for (const dep of hardDependents(queue.shift()!)) {
        if (!running(dep) || seen.has(dep.id)) continue;
        seen.add(dep.id);
        queue.push(dep);
      }
    }
    return seen.size - 1;
  };
  const runningServices = services.filter(running);
  const reachOf = new Map(runningServices.map((s) => [s.id, hardDependents(s).length > 0 ? reach(s) : 0]));
  const threshold = Math.max(2, Math.ceil(runningServices.length * 0.25));
  const isRoot = (s: Service) => (reachOf.get(s.id) ?? 0) >= threshold;
  for (const h of tier.hosts) {
    const roots = runningServices.filter((s) => hostOf(s.id) === h && isRoot(s) && !hardDependents(s).filter(running).every((d) => hostOf(d.id) === h && isRoot(d)));
    if (roots.length >= 2) add('root-dependency-host', h.id);
  }
  const withHard = runningServices.filter((s) => hardNeeds(s).some(running)).length;
  const critical = Math.max(2, Math.ceil(withHard * 0.25));
  for (const s of runningServices) {
    const kind = envKind(s);
    if (s.stateful && (reachOf.get(s.id) ?? 0) >= critical && kind !== 'staging' && kind !== 'development' && hardDependents(s).filter(running).length >= 2) add('critical-stateful', s.id);
  }
  for (const h of tier.hosts) hostRules(topology, tier, h, add);
  return out;
}

function hostRules(topology: Topology, tier: Tier, h: Host, add: (rule: string, key: string) => void): void {
  const placed = tier.placements.filter((p) => p.host === h.id).map((p) => ({ service: topology.services.find((s) => s.id === p.service)!, placement: p })).filter((x) => x.service && x.service.kind !== 'external');
  const running = placed.filter((x) => h.role === 'active' && (x.placement.replicas ?? x.service.replicas) > 0);
  if (h.role !== 'standby') {
    const usage = measureHost(h, placed);
    for (const [what, u] of [['cpu', usage.cpu], ['memory', usage.memoryMiB]] as const) {
      if (u.requestRatio >= 0.8) add('capacity', `${h.id}.${what}.request`);
      if (u.limitRatio >= 0.8) add('capacity', `${h.id}.${what}.limit`);
    }
    if (usage.disk && usage.disk.ratio >= 0.8) add('capacity', `${h.id}.disk`);
  }
  for (const { service } of placed) {
    const open = h.publicIp ? service.ports.find((p) => p.published !== undefined && !LOCAL_BIND.test(p.bind ?? '')) : undefined;
    if (STATEFUL_KINDS.has(service.kind) ? service.exposure === 'public' || open : open && service.exposure === 'public' && service.kind !== 'proxy') add('public-datastore', service.id);
  }
  for (const a of running) {
    for (const port of a.service.ports) {
      if (port.published === undefined) continue;
      const earlier = running.slice(0, running.indexOf(a)).find((b) => b.service.ports.some((q) => q.published === port.published && q.protocol === port.protocol && ((q.bind ?? '0.0.0.0') === (port.bind ?? '0.0.0.0') || (q.bind ?? '0.0.0.0') === '0.0.0.0' || (port.bind ?? '0.0.0.0') === '0.0.0.0')));
      if (earlier) add('port-conflict', `${h.id}.${port.published}`);
    }
  }
  const kinds = running.map((x) => topology.environments.find((e) => e.id === (x.service.environment ?? h.environment))?.kind);
  if (kinds.includes('production') && kinds.some((k) => k === 'staging' || k === 'development')) add('stage-shares-host', h.id);
}
