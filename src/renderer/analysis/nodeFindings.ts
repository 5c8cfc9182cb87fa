import type { ElementRef, Finding, Severity } from '../../shared/rules';
import { SEVERITIES } from '../../shared/rules';
import { dependencyEdgeId, hostNodeId, serviceNodeId } from '../canvas/toFlow';

/** The canvas node a finding target is drawn as, if any (dependencies are edges, planes legends). */
export function nodeIdOf(ref: ElementRef): string | undefined {
  switch (ref.kind) {
    case 'service':
      return serviceNodeId(ref.id);
    case 'host':
      return hostNodeId(ref.id);
    case 'dependency':
    case 'plane':
      return undefined;
  }
}

export function edgeIdOf(ref: ElementRef): string | undefined {
  return ref.kind === 'dependency' ? dependencyEdgeId(ref.from, ref.to) : undefined;
}

export interface NodeBadge {
  readonly count: number;
  readonly worst: Severity;
  readonly titles: readonly string[];
}

/** Per canvas node: how many findings point at it first, and the worst of them. */
export function badgesByNode(findings: readonly Finding[]): Map<string, NodeBadge> {
  const result = new Map<string, { count: number; worst: Severity; titles: string[] }>();
  for (const finding of findings) {
    const first = finding.targets.map(nodeIdOf).find((id) => id !== undefined);
    if (first === undefined) continue;
    const badge = result.get(first);
    if (!badge) {
      result.set(first, { count: 1, worst: finding.severity, titles: [finding.message] });
      continue;
    }
    badge.count++;
    badge.titles.push(finding.message);
    if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(badge.worst)) badge.worst = finding.severity;
  }
  return result;
}
