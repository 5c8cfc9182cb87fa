import { parseArgs } from 'node:util';
import type { Topology } from '../../shared/model';
import { SEVERITIES, type Severity } from '../../shared/rules/types';

export interface CommandOptions {
  file: string;
  tier?: string | undefined;
  format: string;
  failOn: Severity;
}

/** Parses `FILE [--tier NAME] [--format F] [--fail-on S]`; a string is the usage error to print. */
export function parseCommandOptions(args: readonly string[], formats: readonly string[], extra: { failOn?: boolean } = {}): CommandOptions | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { tier: { type: 'string' }, format: { type: 'string', default: formats[0] }, 'fail-on': { type: 'string', default: 'error' } },
      strict: true,
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) return positionals.length === 0 ? 'missing FILE' : `one FILE only (got ${positionals.join(', ')})`;
  if (!formats.includes(values.format!)) return `--format must be one of ${formats.join(', ')} (got "${values.format}")`;
  const failOn = values['fail-on']!;
  if (!extra.failOn && args.includes('--fail-on')) return '--fail-on is not an option of this command';
  if (!(SEVERITIES as readonly string[]).includes(failOn)) return `--fail-on must be one of ${SEVERITIES.join(', ')} (got "${failOn}")`;
  return { file: positionals[0]!, tier: values.tier, format: values.format!, failOn: failOn as Severity };
}

/** A tier named by id or display name (any case); a string explains what was wrong. */
export function resolveTier(topology: Topology, name: string): string | { error: string } {
  const wanted = name.toLowerCase();
  const tier = topology.tiers.find((t) => t.id === wanted || t.name.toLowerCase() === wanted);
  if (tier) return tier.id;
  const known = topology.tiers.map((t) => t.id).join(', ') || 'none';
  return { error: `no tier "${name}" (tiers: ${known})` };
}
