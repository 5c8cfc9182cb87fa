import type { Topology } from '../model';
import type { Finding } from './types';
import { validateTopology } from './validate';

export { sampleTopology } from '../view/testing';

/** The findings of one rule on a topology (every tier unless named). */
export function findingsOf(rule: string, topology: Topology, tiers?: readonly string[]): Finding[] {
  return validateTopology(topology, tiers ? { tiers } : {}).filter((f) => f.rule === rule);
}
