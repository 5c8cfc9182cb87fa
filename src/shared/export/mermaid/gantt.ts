import type { Topology } from '../../model';
import { coldStartPhases } from '../../analysis/cold-start';
import { UnknownTierError } from './flowchart';

/** Seconds a service is assumed to need until healthy when its health check does not say. */
export const DEFAULT_START_SECONDS = 10;

/**
 * Gantt task text may not hold `:` `#` `;` (they end the name or start an entity) and has no
 * escapes, so markup and Markdown characters become look-alikes: no name reads as a tag.
 */
function ganttText(text: string): string {
  return (
    text
      .replace(/[\r\n:;#%]+/g, ' ')
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      .replace(/`/g, "'")
      .trim() || '?'
  );
}

/**
 * The cold-start phases of a tier as a Mermaid gantt (seed 002 §10 Scenario F): one
 * section per phase, one bar per service on its host. A phase starts when the slowest
 * service of the previous phase is expected healthy (health-check start period plus one
 * interval, else DEFAULT_START_SECONDS). Services blocked by a hard-dependency cycle are
 * shown as critical bars in a last section.
 */
export function toMermaidGantt(topology: Topology, tierId: string): string {
  const tier = topology.tiers.find((t) => t.id === tierId);
  if (!tier) throw new UnknownTierError(tierId, topology.tiers.map((t) => t.id));
  const plan = coldStartPhases(topology, tierId);
  const servicesById = new Map(topology.services.map((s) => [s.id, s]));
  const hostsById = new Map(tier.hosts.map((h) => [h.id, h]));
  const seconds = (serviceId: string) => {
    const check = servicesById.get(serviceId)?.healthCheck;
    return check ? Math.max(1, Math.round(check.startPeriodSeconds + check.intervalSeconds)) : DEFAULT_START_SECONDS;
  };
  const label = (serviceId: string, hostId: string) =>
    ganttText(`${servicesById.get(serviceId)?.name ?? serviceId} on ${hostsById.get(hostId)?.name ?? hostId}`);

  const out = ['gantt', `  title ${ganttText(`Cold start — ${tier.name}`)}`, '  dateFormat X', '  axisFormat %M:%S'];
  let start = 0;
  plan.phases.forEach((phase, index) => {
    out.push(`  section ${ganttText(index === 0 ? 'Phase 1 (needs nothing)' : `Phase ${index + 1}`)}`);
    let longest = 0;
    for (const { service, host } of phase) {
      const duration = seconds(service);
      longest = Math.max(longest, duration);
      out.push(`  ${label(service, host)} : ${start}, ${duration}s`);
    }
    start += longest;
  });
  if (plan.blocked.length > 0) {
    out.push('  section Blocked by a dependency cycle');
    for (const { service, host } of plan.blocked) out.push(`  ${label(service, host)} : crit, ${start}, ${DEFAULT_START_SECONDS}s`);
  }
  if (plan.phases.length === 0 && plan.blocked.length === 0) out.push('  section Nothing runs in this tier', '  no services : 0, 1s');
  return `${out.join('\n')}\n`;
}
