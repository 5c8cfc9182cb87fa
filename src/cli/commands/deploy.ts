import { planHasChanges } from '../../main/deploy/plan';
import { EXIT, type Output } from '../io';
import { runChange } from './change-run';
import { prepareChange, printPlan, withHostKeyQuestions } from './deploy-setup';

export const DEPLOY_USAGE = 'stackdraft deploy FILE --tier NAME [--yes] [--break-lock] [--health-timeout SECONDS] [--known-hosts FILE]… [--trust-store FILE]';

/** Plan, confirm, then apply phase by phase with progress; Ctrl-C cancels and rolls back. */
export async function deployCommand(args: readonly string[], output: Output): Promise<number> {
  const prepared = await prepareChange(args, DEPLOY_USAGE, output);
  if (typeof prepared === 'number') return prepared;
  const { setup, values, healthTimeout, tier } = prepared;
  return runChange(setup, output, {
    verb: 'deploy',
    noun: 'deploy',
    interruptNotice: 'cancelling: stopping and rolling back (Ctrl-C again does not skip the rollback)',
    yes: values.yes ?? false,
    okOutcomes: ['succeeded', 'nothing-to-do'],
    async preview() {
      const plan = await withHostKeyQuestions(setup, output, () => setup.engine.plan(setup.topology, tier, { healthTimeoutSeconds: healthTimeout }));
      printPlan(plan, output);
      if (plan.problems.length > 0) return EXIT.PROBLEMS;
      if (!planHasChanges(plan)) {
        output.out('No changes: every host already runs this tier as planned.');
        return EXIT.OK;
      }
      return '\nDeploy these changes? [y/N] ';
    },
    run: (signal, onEvent) =>
      setup.engine.apply(setup.topology, tier, { signal, breakLock: values['break-lock'] ?? false, healthTimeoutSeconds: healthTimeout, onEvent }),
  });
}
