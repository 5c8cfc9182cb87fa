import { cpus, totalmem } from 'node:os';
import { FAULTS, TRIAL_KEEPALIVE_MS, runFaultTrial, type FaultTrialResult } from '../../testbed/fault-trial';

export const PHASES = [0, 1, 2];

/** Every fault in every phase, one after another (they share the two fault hosts). */
export async function runFaultMatrix(log: (line: string) => void, only?: (fault: string, phase: number) => boolean): Promise<FaultTrialResult[]> {
  const results: FaultTrialResult[] = [];
  let port = 18400;
  for (const fault of FAULTS) {
    for (const phase of PHASES) {
      if (only && !only(fault, phase)) continue;
      const result = await runFaultTrial(fault, phase, port++).catch((error: Error) => brokenTrial(fault, phase, error));
      log(`${fault} in phase ${phase + 1}: ${result.outcome}, ${JSON.stringify(result.afterFault)}, re-run ${result.converged ? 'converged' : `did NOT converge (${result.rerunOutcome})`}`);
      results.push(result);
    }
  }
  return results;
}

/** A trial that could not be run to its end counts as failed, with the reason. */
function brokenTrial(fault: FaultTrialResult['fault'], phase: number, error: Error): FaultTrialResult {
  return { fault, phase, host: '?', outcome: `trial broke: ${error.message.split('\n')[0]}`, afterFault: {}, leftoversAfterFault: [], rerunOutcome: 'not run', afterRerun: {}, orphansAfterRerun: [], converged: false, ms: 0 };
}

/** A trial fails the bar when a host is left half-done (except by a killed deployer, which only a re-run can finish), anything is orphaned, or the re-run does not converge. */
export function trialFailures(r: FaultTrialResult): string[] {
  const problems: string[] = [];
  const mixed = Object.entries(r.afterFault).filter(([, g]) => g.startsWith('mixed'));
  if (r.fault !== 'deployer-killed' && mixed.length > 0) problems.push(`half state after the fault: ${mixed.map(([h, g]) => `${h} ${g}`).join('; ')}`);
  if (r.fault !== 'deployer-killed' && r.leftoversAfterFault.length > 0) problems.push(`left after the fault: ${r.leftoversAfterFault.join(', ')}`);
  if (r.orphansAfterRerun.length > 0) problems.push(`orphans after the re-run: ${r.orphansAfterRerun.join(', ')}`);
  if (!r.converged) problems.push(`re-run did not converge: ${r.rerunOutcome}; ${JSON.stringify(r.afterRerun)}`);
  return problems;
}

const state = (r: FaultTrialResult) => Object.entries(r.afterFault).map(([h, g]) => `${h} ${g}`).join(', ');

/** The "Deploy faults" section of RELIABILITY.md, with the run's date and machine. */
export function renderFaultSection(results: readonly FaultTrialResult[], startedAt: Date, seconds: number): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const failing = results.filter((r) => trialFailures(r).length > 0);
  return [
    '## Deploy faults',
    '',
    `Run on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds.toFixed(0)} s on ${machine}, against the fault testbed`,
    '(`TB_HOSTS="4 5"`, real sshd + dockerd in namespaces sd-h4/sd-h5). Each trial deploys v1 of a 4-service, 3-phase tier',
    '(db on h4 and cache on h5 → api on h5 → web on h4), then v2 with every service changed, and injects the fault when a',
    'service of the phase starts its health check: a TCP reset of the SSH connection (iptables REJECT in the host\'s namespace),',
    `a hang (SIGSTOP of the sshd processes serving it; SSH keep-alive ${TRIAL_KEEPALIVE_MS / 1000} s × 3), the sshd session killed (SIGKILL),`,
    'dockerd restarted (SIGTERM, then started again), or the deploying process killed (SIGKILL of a child process running the',
    'engine). End state is read per host with `docker inspect` through the host\'s own socket; then v2 is deployed again.',
    '',
    `${results.length} trials; ${failing.length === 0 ? 'no host was left half-done by a deploy that could react, nothing was orphaned and every re-run converged.' : `**${failing.length} trial(s) failed the bar — see below.**`}`,
    '',
    '| fault | phase | host hit | faulted deploy | end state per host | left after fault | re-run | orphans after re-run | converges | trial |',
    '| --- | ---: | --- | --- | --- | --- | --- | ---: | --- | ---: |',
    ...results.map(
      (r) =>
        `| ${r.fault} | ${r.phase + 1} | ${r.host} | ${r.outcome} | ${state(r)} | ${r.leftoversAfterFault.length === 0 ? '0' : r.leftoversAfterFault.map((n) => n.replace(/^(h\d)\/[^-]+-[^-]+-[^-]+-/, '$1/…-')).join(', ')} | ${r.rerunOutcome.split(':')[0]} | ${r.orphansAfterRerun.length} | ${r.converged ? 'yes' : '**no**'} | ${(r.ms / 1000).toFixed(0)} s |`,
    ),
    '',
    'A killed deployer cannot roll back: it leaves its lock and the service it was replacing set aside (`-sdprev`). The next',
    'deploy from this machine sees that the lock\'s process is gone, breaks the lock and finishes the job; the table shows it.',
    ...(failing.length > 0 ? ['', ...failing.flatMap((r) => trialFailures(r).map((p) => `- ${r.fault}, phase ${r.phase + 1}: ${p}`))] : []),
    '',
  ].join('\n');
}

/** Replaces (or appends) a `## heading` section of a Markdown file, keeping the rest. */
export function spliceSection(markdown: string, section: string): string {
  const heading = section.split('\n')[0]!;
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + heading.length + 1);
  return `${markdown.slice(0, start + 1)}${section}${next < 0 ? '' : markdown.slice(next + 1)}`;
}
