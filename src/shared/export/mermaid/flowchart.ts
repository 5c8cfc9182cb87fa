import { indexTopology, type Host, type Service, type Topology } from '../../model';
import { effectiveReplicas, effectiveResources } from '../../view/capacity';
import { formatCaps, formatMemory, formatNumber } from '../../view/format';
import { baseClassDefs, renderFlowchart, type FlowDiagram, type FlowEdge, type FlowGroup, type FlowNode } from './diagram';
import { MermaidIds } from './escape';
import { fits, MERMAID_LIMITS, type MermaidDiagram, type MermaidLimits } from './limits';

export interface FlowchartOptions {
  /** Subgraphs per environment and host (default), or per plane. */
  groupBy?: 'host' | 'plane';
  direction?: 'TB' | 'BT' | 'LR' | 'RL';
  /** Show external services (SaaS, other teams); default true. */
  includeExternal?: boolean;
  limits?: MermaidLimits;
}

export interface FlowchartExport {
  /** 'full': one diagram with every service; 'split': an overview collapsed to hosts or planes, then one diagram per group. */
  mode: 'full' | 'split';
  diagrams: MermaidDiagram[];
  /** What a reader should know: why and how the map was split. */
  notes: string[];
}

/** Thrown for a tier that does not exist: a caller error with the ids that do. */
export class UnknownTierError extends Error {
  constructor(tierId: string, known: readonly string[]) {
    super(`no tier "${tierId}"; the file has ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'no tiers'}`);
    this.name = 'UnknownTierError';
  }
}

interface Member {
  service: Service;
  group: string;
  node: FlowNode;
}

/**
 * A Mermaid flowchart of one tier in the spirit of seed 000: a subgraph per environment
 * and host (or per plane), services inside with their caps, plane colours as classDefs,
 * hard dependencies solid and soft ones dotted. When the whole map would exceed Mermaid's
 * limits it is never emitted: the result is an overview collapsed to one box per group
 * plus one diagram per group (split further if one group alone is too big), and `notes`
 * say so.
 */
export function toMermaidFlowchart(topology: Topology, tierId: string, options: FlowchartOptions = {}): FlowchartExport {
  const tierIndex = indexTopology(topology).tier(tierId);
  if (!tierIndex) throw new UnknownTierError(tierId, topology.tiers.map((t) => t.id));
  const { tier } = tierIndex;
  const groupBy = options.groupBy ?? 'host';
  const direction = options.direction ?? 'TB';
  const limits = options.limits ?? MERMAID_LIMITS;
  const ids = new MermaidIds();
  const planeClass = (planeId: string) => ids.get('plane', planeId);
  const classDefs = baseClassDefs(topology.planes, planeClass);
  const planeById = new Map(topology.planes.map((p) => [p.id, p]));
  const envById = new Map(topology.environments.map((e) => [e.id, e]));

  // Every service shown, with the group it belongs to.
  const members = new Map<string, Member>();
  const groupLabels = new Map<string, string[]>();
  const groupParent = new Map<string, { id: string; label: string[] }>();
  const addMember = (service: Service, group: string, host: Host | undefined) => {
    const placement = tierIndex.placementByService.get(service.id);
    const replicas = service.kind === 'external' ? 1 : effectiveReplicas(service, placement);
    const caps = service.kind === 'external' ? '' : formatCaps(effectiveResources(service, placement));
    const second = groupBy === 'plane' && host ? `on ${host.name}` : caps;
    const lines = [replicas > 1 ? `${service.name} ×${replicas}` : service.name, second];
    if (groupBy === 'plane' && host && caps) lines.push(caps);
    const classes: string[] = [];
    if (service.kind === 'external') classes.push('external');
    else if (service.plane && planeById.has(service.plane)) classes.push(planeClass(service.plane));
    if (replicas === 0) classes.push('hibernated');
    if (service.exposure === 'public') classes.push('public');
    members.set(service.id, { service, group, node: { id: ids.get('svc', service.id), kind: service.kind, lines, classes } });
  };

  const hostOf = (service: Service) => {
    const placement = tierIndex.placementByService.get(service.id);
    return placement ? tierIndex.hostsById.get(placement.host) : undefined;
  };
  for (const service of topology.services) {
    if (service.kind === 'external') {
      if (options.includeExternal ?? true) addMember(service, 'external', undefined);
      continue;
    }
    const host = hostOf(service);
    if (groupBy === 'host') addMember(service, host ? `host:${host.id}` : 'unplaced', host);
    else addMember(service, service.plane && planeById.has(service.plane) ? `plane:${service.plane}` : 'noplane', host);
  }

  // Group labels, in a stable order: hosts as the tier lists them, planes as the file does.
  const order: string[] = [];
  if (groupBy === 'host') {
    for (const host of tier.hosts) {
      const key = `host:${host.id}`;
      order.push(key);
      const size = `${formatNumber(host.cpu)} vCPU · ${formatMemory(host.memoryMiB)}`;
      groupLabels.set(key, [host.name, host.role === 'standby' ? `${size} · standby` : size]);
      const env = envById.get(host.environment);
      groupParent.set(key, { id: ids.get('env', host.environment), label: [env?.name ?? host.environment] });
    }
    order.push('unplaced');
    groupLabels.set('unplaced', ['Not placed in this tier']);
  } else {
    for (const plane of topology.planes) {
      order.push(`plane:${plane.id}`);
      groupLabels.set(`plane:${plane.id}`, [plane.name]);
    }
    order.push('noplane');
    groupLabels.set('noplane', ['No plane']);
  }
  order.unshift('external');
  groupLabels.set('external', ['External']);

  const edges: (FlowEdge & { fromGroup: string; toGroup: string })[] = [];
  for (const d of topology.dependencies) {
    const from = members.get(d.from);
    const to = members.get(d.to);
    if (!from || !to) continue;
    edges.push({ from: from.node.id, to: to.node.id, hard: d.kind === 'hard', label: d.port ? `:${d.port}` : undefined, fromGroup: from.group, toGroup: to.group });
  }

  const groupId = (key: string) => ids.get('grp', key.replace(':', '_'));
  const buildGroups = (keys: readonly string[], nodesOf: (key: string) => FlowNode[]): FlowGroup[] => {
    const top: FlowGroup[] = [];
    const parents = new Map<string, FlowGroup>();
    for (const key of keys) {
      const nodes = nodesOf(key);
      if (nodes.length === 0) continue;
      const group: FlowGroup = { id: groupId(key), label: groupLabels.get(key)!, nodes, groups: [] };
      const parent = groupParent.get(key);
      if (!parent) {
        top.push(group);
        continue;
      }
      let parentGroup = parents.get(parent.id);
      if (!parentGroup) {
        parentGroup = { id: parent.id, label: parent.label, nodes: [], groups: [] };
        parents.set(parent.id, parentGroup);
        top.push(parentGroup);
      }
      parentGroup.groups.push(group);
    }
    return top;
  };
  const membersIn = new Map<string, Member[]>();
  for (const m of members.values()) (membersIn.get(m.group) ?? membersIn.set(m.group, []).get(m.group)!).push(m);
  const memberByNode = new Map([...members.values()].map((m) => [m.node.id, m]));
  const nodesIn = (key: string) => (membersIn.get(key) ?? []).map((m) => m.node);
  const tierTitle = `${topology.name} — ${tier.name}`;
  const diagramOf = (title: string, groups: FlowGroup[], nodes: FlowNode[], shownEdges: FlowEdge[]): MermaidDiagram => {
    const flow: FlowDiagram = { direction, title, classDefs, groups, nodes, edges: shownEdges };
    return { title, text: renderFlowchart(flow), edges: shownEdges.length };
  };

  const full = diagramOf(tierTitle, buildGroups(order, nodesIn), [], edges);
  if (fits(full, limits)) return { mode: 'full', diagrams: [full], notes: [] };

  const what = groupBy === 'host' ? 'host' : 'plane';
  const notes = [
    `The whole map has ${edges.length} dependencies and ${full.text.length.toLocaleString('en')} characters, beyond Mermaid's limits (${limits.maxEdges} edges, ${limits.maxTextSize.toLocaleString('en')} characters): it is shown as an overview with one box per ${what}, then one diagram per ${what}.`,
  ];
  const diagrams: MermaidDiagram[] = [];

  // Overview: one box per group, one edge per pair of groups (solid if any dependency is hard).
  const shownGroups = order.filter((key) => nodesIn(key).length > 0);
  const boxes = new Map(shownGroups.map((key) => [key, { id: groupId(key), kind: 'group' as const, lines: [...groupLabels.get(key)!, `${nodesIn(key).length} services`], classes: [] }]));
  const between = new Map<string, FlowEdge & { count: number }>();
  for (const e of edges) {
    if (e.fromGroup === e.toGroup) continue;
    const key = `${e.fromGroup}->${e.toGroup}`;
    const known = between.get(key);
    if (known) {
      known.count += 1;
      known.hard ||= e.hard;
    } else between.set(key, { from: boxes.get(e.fromGroup)!.id, to: boxes.get(e.toGroup)!.id, hard: e.hard, count: 1 });
  }
  const overviewEdges = [...between.values()].map((e) => ({ ...e, label: e.count === 1 ? '1 dependency' : `${e.count} dependencies` }));
  const overview = diagramOf(`${tierTitle} — overview by ${what}`, [], [...boxes.values()], overviewEdges);
  if (fits(overview, limits)) diagrams.push(overview);
  else notes.push(`The overview alone (${overviewEdges.length} links between ${what}s) is beyond Mermaid's limits and is left out.`);

  // One diagram per group; services of other groups it talks to appear as grey "elsewhere" boxes.
  for (const key of shownGroups) {
    const own = membersIn.get(key) ?? [];
    const parts = splitToFit(own, (chunk, index, count) => {
      const inChunk = new Set(chunk.map((m) => m.node.id));
      const shownEdges = edges.filter((e) => inChunk.has(e.from) || inChunk.has(e.to));
      const others = new Map<string, FlowNode>();
      for (const e of shownEdges) {
        for (const end of [e.from, e.to]) {
          if (inChunk.has(end) || others.has(end)) continue;
          const member = memberByNode.get(end)!;
          others.set(end, { ...member.node, lines: [member.service.name, `in ${groupLabels.get(member.group)![0]}`], classes: ['elsewhere'] });
        }
      }
      const label = groupLabels.get(key)![0];
      const title = `${tierTitle} — ${label}${count > 1 ? ` (part ${index + 1} of ${count})` : ''}`;
      const group: FlowGroup = { id: groupId(key), label: groupLabels.get(key)!, nodes: chunk.map((m) => m.node), groups: [] };
      return diagramOf(title, [group], [...others.values()], shownEdges);
    }, limits);
    if (parts.length > 1) notes.push(`${groupLabels.get(key)![0]} alone is beyond Mermaid's limits: it is split into ${parts.length} parts.`);
    diagrams.push(...parts);
  }
  return { mode: 'split', diagrams, notes };
}

/** Cuts `items` into as few equal chunks as make every rendered chunk fit. */
function splitToFit<T>(items: readonly T[], render: (chunk: readonly T[], index: number, count: number) => MermaidDiagram, limits: MermaidLimits): MermaidDiagram[] {
  for (let count = 1; count <= items.length; count *= 2) {
    const size = Math.ceil(items.length / count);
    const chunks = Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
    const rendered = chunks.map((chunk, i) => render(chunk, i, chunks.length));
    if (rendered.every((d) => fits(d, limits))) return rendered;
  }
  // One service with more than maxEdges dependencies: show it with as many as fit.
  return items.map((item, i) => {
    const diagram = render([item], i, items.length);
    return fits(diagram, limits) ? diagram : truncateEdges(diagram, limits);
  });
}

function truncateEdges(diagram: MermaidDiagram, limits: MermaidLimits): MermaidDiagram {
  const lines = diagram.text.split('\n');
  const isEdge = (line: string) => /^ {2}\S+ (-->|-\.->)/.test(line);
  let edges = diagram.edges;
  for (let i = lines.length - 1; i >= 0 && !fits({ text: lines.join('\n'), edges }, limits); i--) {
    if (!isEdge(lines[i]!)) continue;
    lines.splice(i, 1);
    edges -= 1;
  }
  return { title: `${diagram.title} (dependencies cut to fit)`, text: lines.join('\n'), edges };
}
