import { describe, expect, it } from 'vitest';
import type { FuzzCase } from './cases';
import { HANG_LIMIT_MS, runCases } from './run-cases';

const valid = new TextEncoder().encode('this is: [not, a topology\n');
const cases: FuzzCase[] = [{ name: 'unclosed flow sequence', bytes: valid }];

/** A clock that moves `step` ms each time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('timing of fuzzed loads', () => {
  it('counts a hang by the work clock, so a busy neighbour stretching the wall clock is not a hang', () => {
    const tally = runCases(cases, undefined, { wall: ticking(HANG_LIMIT_MS * 2), work: ticking(1) });
    expect(tally.hangs).toEqual([]);
    expect(tally.slowestMs).toBeGreaterThan(HANG_LIMIT_MS);
    expect(tally.slowestWorkMs).toBeLessThan(HANG_LIMIT_MS);
  });

  it('counts a load whose own work exceeds the limit as a hang, named', () => {
    const tally = runCases(cases, undefined, { wall: ticking(1), work: ticking(HANG_LIMIT_MS + 1) });
    expect(tally.hangs).toEqual([{ name: 'unclosed flow sequence', ms: HANG_LIMIT_MS + 1 }]);
    expect(tally.refused).toBe(1);
  });
});
