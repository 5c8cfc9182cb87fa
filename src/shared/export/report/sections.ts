import { coldStartPhases } from '../../analysis/cold-start';
import type { Tier, Topology } from '../../model';
import { effectiveReplicas, effectiveResources, tierCapacity, tierSummary } from '../../view/capacity';
import { formatCaps, formatCpu, formatMemory, formatMoney, formatNumber, formatPercent } from '../../view/format';
import { blastRadiusSection, findingsSection } from './analysis-sections';
import { cell, table } from './markdown';

/** What one section of the report sees. */
export interface ReportContext {
  topology: Topology;
  tier: Tier;
}

/**
 * A section of a tier's report: a heading and its Markdown lines (empty = left out).
 * Add a section by writing one function and listing it in TIER_SECTIONS.
 */
export interface ReportSection {
  id: string;
  title: string;
  render(context: ReportContext): string[];
}

export const inventorySection: ReportSection = {
  id: 'inventory',
  title: 'Inventory per host',
  render({ topology, tier }) {
    const services = new Map(topology.services.map((s) => [s.id, s]));
    const envs = new Map(topology.environments.map((e) => [e.id, e.name]));
    const lines: string[] = [];
    for (const host of tier.hosts) {
      const placed = tier.placements.filter((p) => p.host === host.id);
      const size = `${formatNumber(host.cpu)} vCPU · ${formatMemory(host.memoryMiB)}${host.diskGiB ? ` · ${formatNumber(host.diskGiB)} GiB disk` : ''}`;
      const cost = host.monthlyCost !== undefined ? ` · ${formatMoney(host.monthlyCost, topology.currency)}/month` : '';
      lines.push(`**${cell(host.name)}** — ${cell(envs.get(host.environment) ?? host.environment)} · ${cell(size)}${cell(cost)}${host.role === 'standby' ? ' · standby' : ''}${host.publicIp ? ' · public IP' : ''}`, '');
      if (placed.length === 0) {
        lines.push('_Runs nothing._', '');
        continue;
      }
      const rows = placed.flatMap((p) => {
        const s = services.get(p.service);
        if (!s) return [];
        const replicas = effectiveReplicas(s, p);
        const ports = s.ports.map((port) => (port.published ? `${port.published}→${port.container}` : `${port.container}`)).join(', ');
        return [[s.name, s.kind, s.image ?? '', replicas === 0 ? '0 (hibernated)' : replicas, formatCaps(effectiveResources(s, p)), ports || '—']];
      });
      lines.push(...table(['Service', 'Kind', 'Image', 'Replicas', 'Caps', 'Ports'], rows), '');
    }
    return lines;
  },
};

export const capacitySection: ReportSection = {
  id: 'capacity',
  title: 'Capacity',
  render({ topology, tier }) {
    const capacity = tierCapacity(topology, tier);
    const mark = (level: string) => (level === 'error' ? ' ⛔' : level === 'warning' ? ' ⚠️' : '');
    const rows = tier.hosts.map((host) => {
      const c = capacity.get(host.id)!;
      return [
        host.name,
        `${formatNumber(c.cpu.request)} / ${formatNumber(c.cpu.limit)} of ${formatCpu(host.cpu)}`,
        `${formatPercent(c.cpu.requestRatio)} / ${formatPercent(c.cpu.limitRatio)}${mark(c.cpu.level)}`,
        `${formatMemory(c.memoryMiB.request)} / ${formatMemory(c.memoryMiB.limit)} of ${formatMemory(host.memoryMiB)}`,
        `${formatPercent(c.memoryMiB.requestRatio)} / ${formatPercent(c.memoryMiB.limitRatio)}${mark(c.memoryMiB.level)}`,
        c.cpu.withoutLimit + c.memoryMiB.withoutLimit > 0 ? `${Math.max(c.cpu.withoutLimit, c.memoryMiB.withoutLimit)} without a limit` : '—',
      ];
    });
    return [
      'Requests / limits, summed over replicas; ⚠️ at 80 % or more, ⛔ above 100 %.',
      '',
      ...table(['Host', 'CPU requests / limits', 'CPU %', 'Memory requests / limits', 'Memory %', 'Uncapped'], rows, ['l', 'r', 'r', 'r', 'r', 'l']),
    ];
  },
};

export const coldStartSection: ReportSection = {
  id: 'cold-start',
  title: 'Cold-start phases',
  render({ topology, tier }) {
    const plan = coldStartPhases(topology, tier.id);
    const services = new Map(topology.services.map((s) => [s.id, s.name]));
    const hosts = new Map(tier.hosts.map((h) => [h.id, h.name]));
    const name = (p: { service: string; host: string }) => `${services.get(p.service) ?? p.service} (${hosts.get(p.host) ?? p.host})`;
    const rows = plan.phases.map((phase, i) => [i + 1, phase.map(name).join(', ')]);
    const lines = ['A service starts once all its hard dependencies are healthy.', '', ...table(['Phase', 'Services (host)'], rows, ['r', 'l'])];
    if (plan.blocked.length > 0) {
      lines.push('', `**Can never start** (hard-dependency cycle): ${cell(plan.blocked.map(name).join(', '))}.`);
      for (const cycle of plan.cycles) lines.push(`- cycle: ${cell([...cycle, cycle[0]!].map((id) => services.get(id) ?? id).join(' → '))}`);
    }
    return lines;
  },
};

/** Sections of each tier, in order. */
export const TIER_SECTIONS: ReportSection[] = [inventorySection, capacitySection, coldStartSection, blastRadiusSection, findingsSection];

/** The comparison of all tiers side by side (seed 002 §13). */
export function tierComparison(topology: Topology): string[] {
  const rows = topology.tiers.map((tier) => {
    const sum = tierSummary(tier);
    const capacity = [...tierCapacity(topology, tier).values()];
    const cpuRequest = capacity.reduce((a, c) => a + c.cpu.request, 0);
    const memRequest = capacity.reduce((a, c) => a + c.memoryMiB.request, 0);
    const active = tier.hosts.filter((h) => h.role !== 'standby');
    const cpu = active.reduce((a, h) => a + h.cpu, 0);
    const mem = active.reduce((a, h) => a + h.memoryMiB, 0);
    return [
      tier.name,
      tier.customers ?? '—',
      sum.standbyHosts > 0 ? `${sum.hosts} (${sum.standbyHosts} standby)` : sum.hosts,
      formatNumber(sum.cpu),
      formatMemory(sum.memoryMiB),
      `${formatMoney(sum.monthlyCost, topology.currency)}${sum.costComplete ? '' : '+'}`,
      cpu > 0 ? formatPercent(cpuRequest / cpu) : '—',
      mem > 0 ? formatPercent(memRequest / mem) : '—',
    ];
  });
  return table(['Tier', 'Customers', 'Hosts', 'vCPU', 'Memory', 'Cost / month', 'CPU requested', 'Memory requested'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
}
