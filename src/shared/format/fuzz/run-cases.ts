import { loadTopologyBytes } from '../load';
import type { FuzzCase } from './cases';
import { judgeLoad, type Verdict } from './judge';

export interface FuzzTally {
  trials: number;
  loaded: number;
  refused: number;
  crashes: { name: string; why: string }[];
  unhelpful: { name: string; why: string }[];
  /** Loads that took longer than the hang limit, with their times. */
  hangs: { name: string; ms: number }[];
  slowestMs: number;
}

export const HANG_LIMIT_MS = 2_000;

export function emptyTally(): FuzzTally {
  return { trials: 0, loaded: 0, refused: 0, crashes: [], unhelpful: [], hangs: [], slowestMs: 0 };
}

/** Loads every case, judges it, and counts the outcome into `tally`. */
export function runCases(cases: Iterable<FuzzCase>, tally: FuzzTally = emptyTally(), now: () => number = () => performance.now()): FuzzTally {
  for (const fuzzCase of cases) {
    const started = now();
    const verdict: Verdict = judgeLoad(() => loadTopologyBytes(fuzzCase.bytes));
    const ms = now() - started;
    tally.trials++;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
    if (ms > HANG_LIMIT_MS) tally.hangs.push({ name: fuzzCase.name, ms });
    if (verdict.kind === 'loaded') tally.loaded++;
    else if (verdict.kind === 'refused') tally.refused++;
    else if (verdict.kind === 'crashed') tally.crashes.push({ name: fuzzCase.name, why: verdict.why });
    else tally.unhelpful.push({ name: fuzzCase.name, why: verdict.why });
  }
  return tally;
}
