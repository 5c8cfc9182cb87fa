import { blastRadius, coldStartPhases, compareTiers, hostImpacts, type TierRow } from '../../shared/analysis';
import type { Topology } from '../../shared/model';
import { buildContext, validateTopology } from '../../shared/rules';
import { EXIT, loadOrReport, type Output } from '../io';
import { parseCommandOptions, resolveTier } from '../report/options';

export const ANALYZE_USAGE = 'stackdraft analyze FILE [--tier NAME] [--format text|json]';

/** Cold-start phases, blast radius per host, single points of failure and the tier comparison. */
export async function analyzeCommand(args: readonly string[], output: Output): Promise<number> {
  const options = parseCommandOptions(args, ['text', 'json']);
  if (typeof options === 'string') {
    output.err(`${options}\nusage: ${ANALYZE_USAGE}`);
    return EXIT.UNREADABLE;
  }
  const loaded = await loadOrReport(options.file, output);
  if (typeof loaded === 'number') return loaded;
  const topology = loaded.topology;
  let tierIds = topology.tiers.map((t) => t.id);
  if (options.tier !== undefined) {
    const tier = resolveTier(topology, options.tier);
    if (typeof tier !== 'string') {
      output.err(`${options.file}: ${tier.error}`);
      return EXIT.UNREADABLE;
    }
    tierIds = [tier];
  }
  const analysis = analyze(topology, tierIds);
  if (options.format === 'json') output.out(JSON.stringify(analysis, null, 2));
  else for (const line of describe(topology, analysis)) output.out(line);
  return EXIT.OK;
}

function analyze(topology: Topology, tierIds: readonly string[]) {
  const context = buildContext(topology);
  return {
    tiers: tierIds.map((tierId) => ({
      tierId,
      coldStart: coldStartPhases(topology, tierId),
      hosts: hostImpacts(topology, tierId).map((impact) => ({
        ...impact,
        radius: blastRadius(topology, tierId, { kind: 'host', id: impact.host }, context)!,
      })),
    })),
    comparison: compareTiers(topology, validateTopology(topology)).filter((row) => tierIds.includes(row.tierId)),
  };
}

function describe(topology: Topology, analysis: ReturnType<typeof analyze>): string[] {
  const lines: string[] = [];
  for (const tier of analysis.tiers) {
    const name = topology.tiers.find((t) => t.id === tier.tierId)!.name;
    lines.push(`== ${tier.tierId} — ${name}`, '', 'Cold start (seed 002 §10 F: a service starts after its hard dependencies are healthy):');
    tier.coldStart.phases.forEach((phase, i) => {
      const byHost = new Map<string, string[]>();
      for (const p of phase) (byHost.get(p.host) ?? byHost.set(p.host, []).get(p.host)!).push(p.service);
      lines.push(`  phase ${i}: ${[...byHost].map(([host, services]) => `${host}: ${services.join(', ')}`).join(' | ')}`);
    });
    for (const cycle of tier.coldStart.cycles) lines.push(`  DEADLOCK: ${[...cycle, cycle[0]].join(' → ')}`);
    if (tier.coldStart.blocked.length > 0) lines.push(`  never starts: ${tier.coldStart.blocked.map((b) => b.service).join(', ')}`);
    lines.push('', 'Blast radius per host (worst first):');
    for (const host of tier.hosts) {
      const elsewhere = host.radius.down.filter((d) => d.host !== host.host).map((d) => `${d.service}@${d.host} (+${d.step})`);
      lines.push(
        `  ${host.host}${host.spof ? ' [SPOF: failure spreads to other hosts]' : ''}: ${host.down} down (${Math.round(host.share * 100)} % of running), ${host.degraded} degraded`,
      );
      if (elsewhere.length > 0) lines.push(`    also down: ${elsewhere.join(', ')}`);
      if (host.radius.degraded.length > 0) lines.push(`    degraded: ${host.radius.degraded.map((d) => `${d.service} (needs ${d.because.join(', ')})`).join(', ')}`);
    }
    lines.push('');
  }
  lines.push('Tier comparison:', ...comparisonTable(analysis.comparison, topology.currency));
  return lines;
}

function comparisonTable(rows: readonly TierRow[], currency: string): string[] {
  const pct = (r?: { ratio: number; host: string }) => (r ? `${Math.round(r.ratio * 100)} % ${r.host}` : '—');
  const table = [
    ['tier', 'hosts', 'vCPU', 'memory', `cost/month (${currency})`, 'peak CPU req', 'peak mem req', 'peak mem limit', 'errors', 'warnings'],
    ...rows.map((r) => [
      r.tierId,
      `${r.hosts}${r.standbyHosts ? ` (${r.standbyHosts} standby)` : ''}`,
      String(r.cpu),
      `${Math.round((r.memoryMiB / 1024) * 10) / 10} GiB`,
      `${r.monthlyCost.toFixed(2)}${r.costComplete ? '' : '+'}`,
      pct(r.peakCpuRequest),
      pct(r.peakMemoryRequest),
      pct(r.peakMemoryLimit),
      String(r.findings.error),
      String(r.findings.warning),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => `  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`.trimEnd());
}
