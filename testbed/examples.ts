// Test-only: the example topologies in resources/examples, loaded as a user opens them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topology } from '../src/shared/model';
import { formatProblem, loadTopology } from '../src/shared/format';

const EXAMPLES_DIR = fileURLToPath(new URL('../resources/examples/', import.meta.url));

export interface Example {
  id: string;
  file: string;
  topology: Topology;
}

export function loadExamples(): Example[] {
  const catalog = JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')) as { id: string; file: string }[];
  return catalog.map(({ id, file }) => {
    const result = loadTopology(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8'));
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p, file)).join('\n'));
    return { id, file: `${EXAMPLES_DIR}${file}`, topology: result.topology };
  });
}

/** Every (example, tier) pair. */
export function examplesAndTiers(): { example: Example; tierId: string }[] {
  return loadExamples().flatMap((example) => example.topology.tiers.map((tier) => ({ example, tierId: tier.id })));
}
