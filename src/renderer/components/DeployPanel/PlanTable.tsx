import type { DeployPlanView } from '../../../shared/ipc';
import { HostHeaderRow } from './HostHeaderRow';

const SYMBOL = { create: '+', replace: '~', remove: '−', unchanged: '=' } as const;

/** What will change on each host, with the reason for every replace, before anything changes. */
export function PlanTable({ plan }: { plan: DeployPlanView }) {
  const count = (kind: keyof typeof SYMBOL) => plan.hosts.reduce((n, h) => n + h.actions.filter((a) => a.kind === kind).length, 0);
  return (
    <section className="deploy-plan" data-testid="deploy-plan-table">
      <p className="deploy-plan__summary" data-testid="deploy-plan-summary">
        {plan.hasChanges
          ? `${count('create')} to create, ${count('replace')} to replace, ${count('remove')} to remove, ${count('unchanged')} unchanged — ${plan.phases.length} phase(s)`
          : 'No changes: every host already runs this tier as planned.'}
      </p>
      {plan.problems.map((p) => (
        <div key={p} className="deploy-panel__error" data-testid="deploy-plan-problem">
          {p}
        </div>
      ))}
      <table>
        <tbody>
          {plan.hosts.map((host) => (
            <HostRows key={host.host} host={host} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HostRows({ host }: { host: DeployPlanView['hosts'][number] }) {
  return (
    <>
      <HostHeaderRow host={host} />
      {host.actions.map((a) => (
        <tr key={a.name} data-testid="deploy-plan-row" data-kind={a.kind} data-service={a.service} className={`deploy-plan__row deploy-plan__row--${a.kind}`}>
          <td>{SYMBOL[a.kind]}</td>
          <td>{a.name}</td>
          <td>{a.phase === undefined ? '' : `phase ${a.phase + 1}`}</td>
          <td>{a.reasons.join('; ')}</td>
        </tr>
      ))}
      {host.missingImages.map((i) => (
        <tr key={i} className="deploy-plan__row">
          <td>!</td>
          <td colSpan={3}>image {i} is not on the host; the deploy will try to pull it</td>
        </tr>
      ))}
      {host.unusedVolumes.map((v) => (
        <tr key={v} className="deploy-plan__row">
          <td>!</td>
          <td colSpan={3}>volume {v} is no longer used (kept: it may hold data)</td>
        </tr>
      ))}
    </>
  );
}
