/** A small benchmark harness: warm-up, then many timed runs; median and p95 in µs. */
export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianUs: number;
  readonly p95Us: number;
}

export function measure(name: string, run: (i: number) => unknown, { warmup = 50, runs = 500 } = {}): Measurement {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = run(i);
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink = run(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  if (sink === Symbol.for('never')) console.log(sink);
  samples.sort();
  return { name, runs, medianUs: samples[Math.floor(runs / 2)]!, p95Us: samples[Math.floor(runs * 0.95)]! };
}

export function printTable(title: string, rows: readonly Measurement[], baseline?: Measurement): void {
  console.log(`\n${title}`);
  const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  for (const r of rows) {
    const ratio = baseline && r !== baseline ? `  (${(baseline.medianUs / r.medianUs).toFixed(0)}× faster than ${baseline.name})` : '';
    console.log(`  ${r.name.padEnd(44)} median ${fmt(r.medianUs).padStart(10)}   p95 ${fmt(r.p95Us).padStart(10)}   runs ${r.runs}${ratio}`);
  }
}
