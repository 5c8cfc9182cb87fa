/**
 * Rules: full validation of a generated 2,000-service / 50-host topology, and
 * re-validation after one edit, side by side with the straightforward array-scanning
 * implementation of the same rules (`naive-rules.ts`). Goal: full < 1 ms, one edit < 50 µs.
 */
import { cpus, loadavg } from 'node:os';
import type { Topology } from '../src/shared/model';
import { createIncrementalValidator, validateTopology } from '../src/shared/rules';
import { generateTopology } from './generate-topology';
import { measure, printTable } from './harness';
import { naiveValidate } from './naive-rules';

const TIER = 'big';
const topology = generateTopology(200, 50);

/** The edit the editor makes most: one service's memory limit, as an immutable update. */
function withMemoryLimit(t: Topology, index: number, limit: number): Topology {
  const services = t.services.slice();
  const s = services[index]!;
  services[index] = { ...s, resources: { ...s.resources, memoryMiB: { request: s.resources.memoryMiB?.request, limit } } };
  return { ...t, services };
}
const edited = [withMemoryLimit(topology, 1234, 4000), withMemoryLimit(topology, 1234, 64)];

// Same questions, same answers: per-rule counts must agree before timings mean anything.
const counts = (rules: readonly string[]) => rules.reduce<Record<string, number>>((acc, r) => ((acc[r] = (acc[r] ?? 0) + 1), acc), {});
const ours = counts(validateTopology(topology, { tiers: [TIER] }).map((f) => f.rule));
const theirs = counts(naiveValidate(topology, TIER).map((f) => f.rule));
if (JSON.stringify(ours, Object.keys(ours).sort()) !== JSON.stringify(theirs, Object.keys(theirs).sort())) {
  console.error('naive and indexed rules disagree', { ours, theirs });
  process.exit(1);
}

console.log(`topology: ${topology.services.length} services, ${topology.dependencies.length} dependencies, ${topology.tiers[0]!.hosts.length} hosts; findings per rule: ${JSON.stringify(ours)}`);
console.log(`machine: ${cpus().length}× ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const naiveFull = measure('naive (array scans), full', () => naiveValidate(topology, TIER), { warmup: 2, runs: 10 });
const full = measure('indexed, full (validateTopology)', () => validateTopology(topology, { tiers: [TIER] }), { warmup: 100, runs: 1000 });
printTable('Full validation', [naiveFull, full], naiveFull);

const validator = createIncrementalValidator();
validator.update(topology, TIER);
const incremental = measure('incremental, one edit (update)', (i) => validator.update(edited[i % 2]!, TIER), { warmup: 500, runs: 5000 });
const fullAfterEdit = measure('indexed, full after the edit', (i) => validateTopology(edited[i % 2]!, { tiers: [TIER] }), { warmup: 100, runs: 1000 });
const naiveAfterEdit = measure('naive, full after the edit', (i) => naiveValidate(edited[i % 2]!, TIER), { warmup: 2, runs: 10 });
printTable('Re-validation after one edit (one service memory limit)', [naiveAfterEdit, fullAfterEdit, incremental], naiveAfterEdit);
