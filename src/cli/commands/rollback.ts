import type { RunningContainer } from '../../main/deploy/plan';
import type { RollbackPlan } from '../../main/deploy/rollback-plan';
import { EXIT, type Output } from '../io';
import { runChange } from './change-run';
import { prepareChange, withHostKeyQuestions } from './deploy-setup';

export const ROLLBACK_USAGE = 'stackdraft rollback FILE --tier NAME [--yes] [--break-lock] [--health-timeout SECONDS] [--known-hosts FILE]… [--trust-store FILE]';

/** Preview, confirm, then swap every service back to the version the last deploy kept; Ctrl-C restores. */
export async function rollbackCommand(args: readonly string[], output: Output): Promise<number> {
  const prepared = await prepareChange(args, ROLLBACK_USAGE, output);
  if (typeof prepared === 'number') return prepared;
  const { setup, values, healthTimeout, tier } = prepared;
  return runChange(setup, output, {
    verb: 'roll back',
    noun: 'rollback',
    interruptNotice: 'cancelling: putting back the versions that ran before the rollback',
    yes: values.yes ?? false,
    okOutcomes: ['succeeded'],
    async preview() {
      const plan = await withHostKeyQuestions(setup, output, () => setup.engine.rollbackPlan(setup.topology, tier));
      if (plan.nothing !== undefined) {
        output.err(plan.nothing);
        return EXIT.PROBLEMS;
      }
      printRollbackPlan(plan, output);
      return `\nRoll ${plan.direction}? [y/N] `;
    },
    run: (signal, onEvent) =>
      setup.engine.rollback(setup.topology, tier, { signal, breakLock: values['break-lock'] ?? false, defaultHealthTimeoutSeconds: healthTimeout, onEvent }),
  });
}

const SYMBOL = { swap: '~', remove: '-', unchanged: '=' } as const;
const version = (v: RunningContainer | undefined) => (v ? `${v.hash || '(no hash)'} of ${(v.createdAt ?? '?').replace('T', ' ').replace(/\.\d+Z$/, 'Z')}` : '(none)');

/** Per host and service: the version running now → the kept one coming back. */
export function printRollbackPlan(plan: RollbackPlan, output: Output): void {
  const what = plan.direction === 'back' ? 'back to the versions the last deploy replaced' : 'forward again: this undoes the last rollback';
  output.out(`Rollback of tier "${plan.tier}" of ${plan.project}: ${what}`);
  const counts = { swap: 0, remove: 0, unchanged: 0 };
  for (const host of plan.hosts) {
    output.out(`\n${host.host} (${host.address})${host.lock ? `  LOCKED by ${host.lock.holder} since ${host.lock.since}` : ''}`);
    for (const action of host.actions) {
      counts[action.kind]++;
      const detail = action.kind === 'swap' ? `${version(action.current)} → ${version(action.kept)}` : action.reason;
      output.out(`  ${SYMBOL[action.kind]} ${action.kind.padEnd(9)} ${action.name.padEnd(28)} phase ${action.phase + 1}  ${detail}`);
    }
  }
  output.out(`\n${counts.swap} to swap back, ${counts.remove} to remove, ${counts.unchanged} unchanged`);
}
