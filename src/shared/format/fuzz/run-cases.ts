import { loadTopologyBytes } from '../load';
import type { FuzzCase } from './cases';
import { judgeLoad, type Verdict } from './judge';

export interface FuzzTally {
  trials: number;
  loaded: number;
  refused: number;
  crashes: { name: string; why: string }[];
  unhelpful: { name: string; why: string }[];
  /** Loads whose own work took longer than the hang limit, with their times. */
  hangs: { name: string; ms: number }[];
  /** Slowest load by the wall clock, neighbours on the machine included. */
  slowestMs: number;
  /** Slowest load by the work clock (equal to the wall clock unless a CPU clock is given). */
  slowestWorkMs: number;
}

export const HANG_LIMIT_MS = 2_000;

/**
 * How a load is timed. `work` decides what counts as a hang: the long runs pass the
 * process's CPU time, so that a shared, busy machine does not turn waiting for a core
 * into a "hang" of the loader.
 */
export interface FuzzClocks {
  wall: () => number;
  work: () => number;
}

const wallClock = (): number => performance.now();
export const wallOnly: FuzzClocks = { wall: wallClock, work: wallClock };

export function emptyTally(): FuzzTally {
  return { trials: 0, loaded: 0, refused: 0, crashes: [], unhelpful: [], hangs: [], slowestMs: 0, slowestWorkMs: 0 };
}

/** Loads every case, judges it, and counts the outcome into `tally`. */
export function runCases(cases: Iterable<FuzzCase>, tally: FuzzTally = emptyTally(), clocks: FuzzClocks = wallOnly): FuzzTally {
  for (const fuzzCase of cases) {
    const wallStart = clocks.wall();
    const workStart = clocks.work();
    const verdict: Verdict = judgeLoad(() => loadTopologyBytes(fuzzCase.bytes));
    const workMs = clocks.work() - workStart;
    tally.trials++;
    tally.slowestMs = Math.max(tally.slowestMs, clocks.wall() - wallStart);
    tally.slowestWorkMs = Math.max(tally.slowestWorkMs, workMs);
    if (workMs > HANG_LIMIT_MS) tally.hangs.push({ name: fuzzCase.name, ms: workMs });
    if (verdict.kind === 'loaded') tally.loaded++;
    else if (verdict.kind === 'refused') tally.refused++;
    else if (verdict.kind === 'crashed') tally.crashes.push({ name: fuzzCase.name, why: verdict.why });
    else tally.unhelpful.push({ name: fuzzCase.name, why: verdict.why });
  }
  return tally;
}
