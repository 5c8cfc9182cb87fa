import type { Topology } from '../model';
import { buildContext, type RuleContext } from './context';
import { RULES_BY_ID, RULES_BY_SCOPE } from './registry';
import { severityRank, type Emit, type Finding, type Rule } from './types';

export interface ValidateOptions {
  /** Tier ids whose tier and host rules run; absent = every tier. */
  readonly tiers?: readonly string[];
}

/**
 * Runs every rule once over a topology. Tier-independent findings appear once; tier
 * findings carry their tier. Deterministic order: rules in registry order, elements in
 * document order.
 */
export function validateTopology(topology: Topology, options: ValidateOptions = {}): Finding[] {
  const context = buildContext(topology);
  const findings: Finding[] = [];
  const services = topology.services;
  const serviceRules = RULES_BY_SCOPE.service;
  const emits = serviceRules.map((rule) => emitter(rule, findings));
  for (let s = 0; s < services.length; s++) {
    for (let r = 0; r < serviceRules.length; r++) serviceRules[r]!.check(services[s]!, s, emits[r]!);
  }
  runGraphRules(context, findings);
  for (const t of tierIndexes(topology, options.tiers)) runTierRules(context, t, findings);
  return findings;
}

export function runGraphRules(context: RuleContext, into: Finding[]): void {
  for (const rule of RULES_BY_SCOPE.graph) rule.check(context, emitter(rule, into));
}

/** Tier rules, then host rules host by host. */
export function runTierRules(context: RuleContext, tierIndex: number, into: Finding[]): void {
  const tier = context.tier(tierIndex);
  for (const rule of RULES_BY_SCOPE.tier) rule.check(context, tier, emitter(rule, into));
  // One emitter per rule for all hosts, not one per rule and host.
  const hostRules = RULES_BY_SCOPE.host;
  const emits = hostRules.map((rule) => emitter(rule, into));
  for (let h = 0; h < tier.tier.hosts.length; h++) {
    for (let r = 0; r < hostRules.length; r++) hostRules[r]!.check(context, tier, h, emits[r]!);
  }
}

export function runHostRules(context: RuleContext, tierIndex: number, host: number, into: Finding[]): void {
  const tier = context.tier(tierIndex);
  for (const rule of RULES_BY_SCOPE.host) rule.check(context, tier, host, emitter(rule, into));
}

export function emitter(rule: Rule, into: Finding[]): Emit {
  return (finding) => {
    const fix = finding.fix !== undefined && rule.fix !== undefined ? finding.fix : undefined;
    into.push({ ...finding, rule: rule.id, fix });
  };
}

function tierIndexes(topology: Topology, wanted: readonly string[] | undefined): number[] {
  const all = topology.tiers.map((_, i) => i);
  return wanted === undefined ? all : all.filter((i) => wanted.includes(topology.tiers[i]!.id));
}

/** Applies a finding's quick fix; undefined when the finding has none or it no longer applies. */
export function applyQuickFix(topology: Topology, finding: Finding): Topology | undefined {
  if (finding.fix === undefined) return undefined;
  return RULES_BY_ID.get(finding.rule)?.fix?.(topology, finding);
}

/** Worst first, then by rule and message: the order a problems list shows. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

export function countBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
