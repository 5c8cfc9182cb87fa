import type { DeployEvent, DeployReport } from '../../main/deploy/events';
import { EXIT, type Output } from '../io';
import { confirm, type DeploySetup } from './deploy-setup';

/** How one change command (deploy, rollback) previews, asks, runs and names itself. */
export interface ChangeSteps {
  /** Shown in the refusal without --yes, e.g. "roll back". */
  verb: string;
  /** Shown when the run throws, e.g. "rollback". */
  noun: string;
  /** What Ctrl-C does, said as it happens. */
  interruptNotice: string;
  yes: boolean;
  /** Prints the preview; returns the confirmation question, or an exit code when nothing is to be asked. */
  preview(): Promise<string | number>;
  run(signal: AbortSignal, onEvent: (event: DeployEvent) => void): Promise<DeployReport>;
  /** Outcomes that exit 0. */
  okOutcomes: readonly DeployReport['outcome'][];
}

/** Preview, confirm (or --yes), run with progress lines and Ctrl-C as cancel, report; always closes the pool. */
export async function runChange(setup: DeploySetup, output: Output, steps: ChangeSteps): Promise<number> {
  const cancel = new AbortController();
  const onInterrupt = () => {
    output.err(steps.interruptNotice);
    cancel.abort();
  };
  try {
    const question = await steps.preview();
    if (typeof question === 'number') return question;
    if (!steps.yes) {
      if (!process.stdin.isTTY) {
        output.err(`refusing to ${steps.verb} without confirmation: pass --yes when not on a terminal`);
        return EXIT.PROBLEMS;
      }
      if (!(await confirm(question))) return EXIT.PROBLEMS;
    }
    process.on('SIGINT', onInterrupt);
    const started = Date.now();
    const report = await steps.run(cancel.signal, (event) => output.out(formatEvent(event, Date.now() - started)));
    printReport(report, output);
    return steps.okOutcomes.includes(report.outcome) ? EXIT.OK : EXIT.PROBLEMS;
  } catch (error) {
    output.err(`${steps.noun} failed: ${(error as Error).message}`);
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
