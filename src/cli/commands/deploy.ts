import type { DeployEvent, DeployReport } from '../../main/deploy/events';
import { planHasChanges } from '../../main/deploy/plan';
import { EXIT, type Output } from '../io';
import { confirm, parseChangeArgs, printPlan, setUp, withHostKeyQuestions } from './deploy-setup';

export const DEPLOY_USAGE = 'stackdraft deploy FILE --tier NAME [--yes] [--break-lock] [--health-timeout SECONDS] [--known-hosts FILE]… [--trust-store FILE]';

/** Plan, confirm, then apply phase by phase with progress; Ctrl-C cancels and rolls back. */
export async function deployCommand(args: readonly string[], output: Output): Promise<number> {
  const parsedArgs = parseChangeArgs(args, DEPLOY_USAGE, output);
  if (typeof parsedArgs === 'number') return parsedArgs;
  const { values, healthTimeout } = parsedArgs;
  const setup = await setUp(parsedArgs.file, values, output);
  if (typeof setup === 'number') return setup;
  const cancel = new AbortController();
  const onInterrupt = () => {
    output.err('cancelling: stopping and rolling back (Ctrl-C again does not skip the rollback)');
    cancel.abort();
  };
  try {
    const plan = await withHostKeyQuestions(setup, output, () => setup.engine.plan(setup.topology, values.tier!, { healthTimeoutSeconds: healthTimeout }));
    printPlan(plan, output);
    if (plan.problems.length > 0) return EXIT.PROBLEMS;
    if (!planHasChanges(plan)) {
      output.out('No changes: every host already runs this tier as planned.');
      return EXIT.OK;
    }
    if (!values.yes) {
      if (!process.stdin.isTTY) {
        output.err('refusing to deploy without confirmation: pass --yes when not on a terminal');
        return EXIT.PROBLEMS;
      }
      if (!(await confirm('\nDeploy these changes? [y/N] '))) return EXIT.PROBLEMS;
    }
    process.on('SIGINT', onInterrupt);
    const started = Date.now();
    const report = await setup.engine.apply(setup.topology, values.tier!, {
      signal: cancel.signal,
      breakLock: values['break-lock'] ?? false,
      healthTimeoutSeconds: healthTimeout,
      onEvent: (event) => output.out(formatEvent(event, Date.now() - started)),
    });
    printReport(report, output);
    return report.outcome === 'succeeded' || report.outcome === 'nothing-to-do' ? EXIT.OK : EXIT.PROBLEMS;
  } catch (error) {
    output.err(`deploy failed: ${(error as Error).message}`);
    return EXIT.PROBLEMS;
  } finally {
    process.off('SIGINT', onInterrupt);
    await setup.pool.closeAll();
  }
}

export function formatEvent(event: DeployEvent, elapsedMs: number): string {
  const time = `[${(elapsedMs / 1000).toFixed(1).padStart(6)}s]`;
  switch (event.type) {
    case 'stage':
      return `${time} ${event.message}`;
    case 'service':
      return `${time}   ${event.host.padEnd(10)} ${event.name.padEnd(28)} ${event.step}${event.message ? `: ${event.message}` : ''}`;
    case 'log':
      return `${time} ${event.message}`;
  }
}

export function printReport(report: DeployReport, output: Output): void {
  const line = report.outcome === 'succeeded' || report.outcome === 'nothing-to-do' ? output.out : output.err;
  line(`\n${report.outcome.toUpperCase()} in ${(report.durationMs / 1000).toFixed(1)} s${report.error ? `: ${report.error}` : ''}`);
  for (const host of report.hosts) {
    line(`${host.host}: ${host.outcome} — ${host.containers.map((c) => `${c.name} ${c.state}${c.health ? ` (${c.health})` : ''}`).join(', ') || 'no containers of this project'}`);
    for (const note of host.notes) line(`  note: ${note}`);
  }
}
