import type { Topology } from '../../model';
import { UnknownTierError } from '../mermaid/flowchart';
import { cell } from './markdown';
import { TIER_SECTIONS, tierComparison, type ReportSection } from './sections';

export interface ReportOptions {
  /** One tier, or every tier (default) with a comparison first. */
  tierId?: string;
  /** Sections per tier; defaults to TIER_SECTIONS. */
  sections?: readonly ReportSection[];
}

/**
 * A Markdown report — the tables seed 002 keeps by hand: tier comparison, then per tier
 * the inventory per host, capacity, cold-start phases, blast radius per host and findings. Names are escaped so that no
 * name can break a table or inject markup.
 */
export function toMarkdownReport(topology: Topology, options: ReportOptions = {}): string {
  const tiers = options.tierId === undefined ? topology.tiers : topology.tiers.filter((t) => t.id === options.tierId);
  if (options.tierId !== undefined && tiers.length === 0) throw new UnknownTierError(options.tierId, topology.tiers.map((t) => t.id));
  const sections = options.sections ?? TIER_SECTIONS;
  const lines = [`# ${cell(topology.name)}`, ''];
  if (topology.description) lines.push(cell(topology.description), '');
  if (options.tierId === undefined && topology.tiers.length > 1) lines.push('## Tier comparison', '', ...tierComparison(topology), '');
  for (const tier of tiers) {
    lines.push(`## ${cell(tier.name)}${tier.customers ? ` — ${cell(tier.customers)}` : ''}`, '');
    if (tier.description) lines.push(cell(tier.description), '');
    for (const section of sections) {
      const body = section.render({ topology, tier });
      if (body.length > 0) lines.push(`### ${section.title}`, '', ...body, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
