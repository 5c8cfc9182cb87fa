import type { RollbackPlanView, RollbackVersionView } from '../../../shared/ipc';
import { HostHeaderRow } from './HostHeaderRow';

const SYMBOL = { swap: '↺', remove: '−', unchanged: '=' } as const;

/** "3f2a… (12 Mar 10:04)": enough to tell two versions of a service apart. */
const version = (v: RollbackVersionView | undefined) => (v ? `${v.hash.slice(0, 8) || '?'} (${v.createdAt ? new Date(v.createdAt).toLocaleString() : '?'})` : 'none');

/** What "Roll back to previous" will do on each host, per service, before it is confirmed. */
export function RollbackPreview({ plan, onConfirm, onBack }: { plan: RollbackPlanView; onConfirm(): void; onBack(): void }) {
  const count = (kind: keyof typeof SYMBOL) => plan.hosts.reduce((n, h) => n + h.actions.filter((a) => a.kind === kind).length, 0);
  return (
    <section className="deploy-plan" data-testid="rollback-preview" data-direction={plan.direction}>
      {plan.nothing ? (
        <p className="deploy-plan__summary" data-testid="rollback-nothing">
          {plan.nothing}
        </p>
      ) : (
        <>
          <p className="deploy-plan__summary" data-testid="rollback-summary">
            {plan.direction === 'back' ? 'Back to the versions the last deploy replaced' : 'Forward again: this undoes the last rollback'} — {count('swap')} to swap back,{' '}
            {count('remove')} to remove, {count('unchanged')} unchanged
          </p>
          <table>
            <tbody>
              {plan.hosts.map((host) => (
                <HostRows key={host.host} host={host} />
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="deploy-panel__actions">
        {plan.nothing ? null : (
          <button type="button" className="btn btn--danger" data-testid="rollback-confirm" onClick={onConfirm}>
            Roll {plan.direction}
          </button>
        )}
        <button type="button" className="btn" data-testid="rollback-back" onClick={onBack}>
          {plan.nothing ? 'Close' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}

function HostRows({ host }: { host: RollbackPlanView['hosts'][number] }) {
  return (
    <>
      <HostHeaderRow host={host} />
      {host.actions.map((a) => (
        <tr key={a.name} data-testid="rollback-row" data-kind={a.kind} data-service={a.service} className={`deploy-plan__row deploy-plan__row--${a.kind === 'swap' ? 'replace' : a.kind}`}>
          <td>{SYMBOL[a.kind]}</td>
          <td>{a.name}</td>
          <td>phase {a.phase + 1}</td>
          <td>{a.kind === 'swap' ? `${version(a.from)} → ${version(a.to)}` : a.reason}</td>
        </tr>
      ))}
    </>
  );
}
