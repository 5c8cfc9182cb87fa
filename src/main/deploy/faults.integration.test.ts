/**
 * The fast part of the deploy fault matrix (`npm run reliability -- --only deploy` runs all
 * of it): real faults on the fault testbed's own hosts 4 and 5, never on hosts 1–3 that
 * other tests share. Do not run it at the same time as the reliability run: both hit h4/h5.
 */
import { describe, expect, it } from 'vitest';
import { runFaultTrial } from '../../../testbed/fault-trial';
import type { FaultKind } from '../../../testbed/faults';

describe('deploy faults on the fault testbed', () => {
  it.each<[FaultKind, number, number]>([
    // Once hung the deploy forever: a call on a channel of the killed session never ended.
    ['sshd-killed', 1, 18380],
    // Once blocked the re-run: the dead deployer's lock had to wait 30 minutes to be stale.
    ['deployer-killed', 2, 18381],
  ])('%s during phase %i: every host all-previous or rolled forward by the re-run, no orphans, re-run converges', { timeout: 240_000 }, async (fault, phase, port) => {
    const result = await runFaultTrial(fault, phase - 1, port);
    expect(result.orphansAfterRerun).toEqual([]);
    expect(result.converged, result.rerunOutcome).toBe(true);
    if (fault === 'deployer-killed') {
      expect(result.outcome).toBe('killed');
      return;
    }
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/connection|hang up/i);
    expect(result.afterFault).toEqual({ h4: 'previous', h5: 'previous' });
    expect(result.leftoversAfterFault).toEqual([]);
  });
});
