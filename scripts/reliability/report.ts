import { cpus, loadavg, totalmem } from 'node:os';

/** One row of RELIABILITY.md: a case, its trials and the failures that must stay at zero. */
export interface ReportRow {
  area: string;
  case: string;
  trials: number;
  crashes?: number;
  hangs?: number;
  dataLost?: number;
  orphans?: number;
  unhelpful?: number;
  /** Exports: markup, scripts or directives that got through. */
  unsafe?: number;
  notes?: string;
}

const cell = (value: number | undefined) => (value === undefined ? '—' : String(value));

/** The load average as `1 min / 5 min / 15 min`, so a reader can tell a busy run from a quiet one. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
}

export function renderReport(rows: readonly ReportRow[], details: readonly string[], startedAt: Date, seconds: number, mode: string, loadAtStart: string): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const failing = rows.filter((row) => (row.crashes ?? 0) + (row.hangs ?? 0) + (row.dataLost ?? 0) + (row.orphans ?? 0) + (row.unhelpful ?? 0) + (row.unsafe ?? 0) > 0);
  return [
    '# Reliability',
    '',
    `Written by \`npm run reliability${mode === 'full' ? '' : ' -- --quick'}\` on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds.toFixed(0)} s.`,
    `Machine: ${machine}; load average ${loadAtStart} at the start, ${loadAverage()} at the end.`,
    '',
    'Every figure below comes from that run. "Unhelpful" counts refusals that did not say where (no line, or no field for a schema problem);',
    `"hangs" counts single loads that spent over 2 s of CPU (the notes give the slowest by CPU and by wall clock, which includes waiting for a busy machine). ${failing.length === 0 ? 'Every failure column is zero.' : `**${failing.length} case(s) have failures — see the details.**`}`,
    '',
    '| area | case | trials | crashes | hangs | data lost | orphans | unhelpful | unsafe | notes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row) =>
      `| ${row.area} | ${row.case} | ${row.trials} | ${cell(row.crashes)} | ${cell(row.hangs)} | ${cell(row.dataLost)} | ${cell(row.orphans)} | ${cell(row.unhelpful)} | ${cell(row.unsafe)} | ${row.notes ?? ''} |`,
    ),
    '',
    ...(details.length > 0 ? ['## Details', '', ...details, ''] : []),
  ].join('\n');
}
