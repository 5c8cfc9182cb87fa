import { blastRadius } from '../../analysis/blast-radius';
import { buildContext, RULES_BY_ID, sortFindings, validateTopology } from '../../rules';
import { formatPercent } from '../../view/format';
import { table } from './markdown';
import type { ReportSection } from './sections';

/** At most this many names in one cell; the rest are counted. */
const MAX_NAMES = 12;

function names(list: readonly string[]): string {
  return list.length <= MAX_NAMES ? list.join(', ') : `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more`;
}

/** What each active host takes down when it fails (seed 002 §10), worst first. */
export const blastRadiusSection: ReportSection = {
  id: 'blast-radius',
  title: 'Blast radius per host',
  render({ topology, tier }) {
    const context = buildContext(topology);
    const serviceName = new Map(topology.services.map((s) => [s.id, s.name]));
    const hostName = new Map(tier.hosts.map((h) => [h.id, h.name]));
    const running = context.tier(topology.tiers.indexOf(tier)).runningCount;
    const rows = tier.hosts
      .filter((host) => host.role !== 'standby')
      .map((host) => ({ host, radius: blastRadius(topology, tier.id, { kind: 'host', id: host.id }, context)! }))
      .sort((a, b) => b.radius.down.length - a.radius.down.length || b.radius.degraded.length - a.radius.degraded.length)
      .map(({ host, radius }) => [
        host.name,
        running > 0 ? formatPercent(radius.down.length / running) : '—',
        radius.down.length === 0 ? '—' : names(radius.down.map((d) => serviceName.get(d.service) ?? d.service)),
        radius.degraded.length === 0 ? '—' : names(radius.degraded.map((d) => serviceName.get(d.service) ?? d.service)),
        radius.otherHostsHit.length === 0 ? '—' : `⚠ ${names(radius.otherHostsHit.map((h) => hostName.get(h) ?? h))}`,
      ]);
    if (rows.length === 0) return ['No active hosts in this tier.'];
    return [
      'What stops when one host fails: services on it and, hop by hop, those that hard-depend on them; soft dependants keep running degraded.',
      '',
      ...table(['Host', 'Share down', 'Goes down', 'Degraded', 'Spreads to other hosts'], rows),
    ];
  },
};

/** Every rule finding that holds in this tier, worst first; tier-independent ones included. */
export const findingsSection: ReportSection = {
  id: 'findings',
  title: 'Findings',
  render({ topology, tier }) {
    const findings = sortFindings(validateTopology(topology, { tiers: [tier.id] }).filter((f) => f.tier === undefined || f.tier === tier.id));
    if (findings.length === 0) return ['No findings: every rule passes in this tier.'];
    const counts = ['error', 'warning', 'info'].map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const icon = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;
    return [
      counts.map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ') + '.',
      '',
      ...table(
        ['', 'Rule', 'Finding'],
        findings.map((f) => [icon[f.severity], RULES_BY_ID.get(f.rule)?.title ?? f.rule, f.message]),
      ),
    ];
  },
};
