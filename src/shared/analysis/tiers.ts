import type { Topology } from '../model';
import { validateTopology } from '../rules/validate';
import type { Finding, Severity } from '../rules/types';
import { tierCapacity, tierSummary, type TierSummary } from './capacity';

/** The busiest host for one measure, and how busy. */
export interface Peak {
  readonly host: string;
  readonly ratio: number;
}

export interface TierRow extends TierSummary {
  readonly name: string;
  readonly customers?: string | undefined;
  readonly peakCpuRequest?: Peak | undefined;
  readonly peakMemoryRequest?: Peak | undefined;
  readonly peakMemoryLimit?: Peak | undefined;
  /** Findings that hold in this tier (its own and the document-wide ones). */
  readonly findings: Readonly<Record<Severity, number>>;
}

/** Seed 002 §13 side by side: hosts, vCPU, memory, cost, peak utilisation and findings per tier. */
export function compareTiers(topology: Topology, findings: readonly Finding[] = validateTopology(topology)): TierRow[] {
  return topology.tiers.map((tier) => {
    const capacity = [...tierCapacity(topology, tier).values()];
    const active = new Set(tier.hosts.filter((h) => h.role === 'active').map((h) => h.id));
    const peak = (ratio: (c: (typeof capacity)[number]) => number): Peak | undefined => {
      let best: Peak | undefined;
      for (const c of capacity) if (active.has(c.hostId) && (!best || ratio(c) > best.ratio)) best = { host: c.hostId, ratio: ratio(c) };
      return best;
    };
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) if (f.tier === undefined || f.tier === tier.id) counts[f.severity]++;
    return {
      ...tierSummary(tier),
      name: tier.name,
      customers: tier.customers,
      peakCpuRequest: peak((c) => c.cpu.requestRatio),
      peakMemoryRequest: peak((c) => c.memoryMiB.requestRatio),
      peakMemoryLimit: peak((c) => c.memoryMiB.limitRatio),
      findings: counts,
    };
  });
}
