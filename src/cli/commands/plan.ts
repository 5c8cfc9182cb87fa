import { parseArgs } from 'node:util';
import { planHasChanges } from '../../main/deploy/plan';
import { EXIT, type Output } from '../io';
import { DEPLOY_OPTIONS, printPlan, setUp, withHostKeyQuestions } from './deploy-setup';

export const PLAN_USAGE = 'stackdraft plan FILE --tier NAME [--known-hosts FILE]… [--trust-store FILE]';

/** Reads every host of the tier over SSH and prints what a deploy would change. Changes nothing. */
export async function planCommand(args: readonly string[], output: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: DEPLOY_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    output.err(`${(error as Error).message}\nusage: ${PLAN_USAGE}`);
    return EXIT.UNREADABLE;
  }
  const setup = await setUp(parsed.positionals[0], parsed.values, output);
  if (typeof setup === 'number') return setup;
  try {
    const plan = await withHostKeyQuestions(setup, output, () => setup.engine.plan(setup.topology, parsed.values.tier!));
    printPlan(plan, output);
    if (!planHasChanges(plan)) output.out('No changes: every host already runs this tier as planned.');
    return plan.problems.length > 0 ? EXIT.PROBLEMS : EXIT.OK;
  } catch (error) {
    output.err(`plan failed: ${(error as Error).message}`);
    return EXIT.UNREADABLE;
  } finally {
    await setup.pool.closeAll();
  }
}
