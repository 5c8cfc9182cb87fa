import { useEffect, useState } from 'react';
import { onEvent } from '../../ipc/client';
import { useAppStore } from '../../store';
import { HostKeyDialog } from './HostKeyDialog';
import { PassphraseDialog } from './PassphraseDialog';
import { PlanTable } from './PlanTable';
import { Progress } from './Progress';
import { RollbackPreview } from './RollbackPreview';
import './deploy-panel.css';

/** Plan → read the diff → Deploy → watch phases, services and logs; cancel rolls back. Roll back → preview → confirm. */
export function DeployPanel() {
  const open = useAppStore((s) => s.deployOpen);
  const stage = useAppStore((s) => s.deployStage);
  const tierId = useAppStore((s) => s.tierId);
  const plan = useAppStore((s) => s.deployPlan);
  const rollbackPlan = useAppStore((s) => s.rollbackPlan);
  const error = useAppStore((s) => s.deployError);
  const breakLock = useAppStore((s) => s.breakLock);
  const { planDeploy, applyDeploy, previewRollback, applyRollback, dismissRollback, cancelDeploy, closeDeploy, setBreakLock, handleJobEvent } = useAppStore.getState();

  useEffect(() => {
    const stop = onEvent('job.event', handleJobEvent);
    return () => {
      stop();
    };
  }, [handleJobEvent]);

  useLiveStatus(open, stage);

  if (!open) return null;
  const busy = stage === 'planning' || stage === 'applying';
  const locked = plan?.hosts.some((h) => h.lock) ?? false;
  return (
    <aside className="deploy-panel" data-testid="deploy-panel" data-stage={stage} aria-label="Deploy">
      <header className="deploy-panel__head">
        <strong>Deploy tier “{tierId ?? '—'}”</strong>
        <button type="button" className="btn btn--ghost" data-testid="deploy-close" onClick={closeDeploy} disabled={stage === 'applying'} title="Close">
          ×
        </button>
      </header>
      <div className="deploy-panel__actions">
        <button type="button" className="btn" data-testid="deploy-plan" onClick={() => void planDeploy()} disabled={busy}>
          {stage === 'planning' ? 'Planning…' : 'Plan'}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="deploy-apply"
          onClick={() => void applyDeploy()}
          disabled={busy || !plan || !plan.hasChanges || plan.problems.length > 0}
          title={plan && !plan.hasChanges ? 'Nothing to change' : 'Apply the plan phase by phase'}
        >
          Deploy
        </button>
        <button
          type="button"
          className="btn"
          data-testid="deploy-rollback"
          onClick={() => void previewRollback()}
          disabled={busy}
          title="Swap every service back to the version the last deploy replaced (shows what first)"
        >
          Roll back to previous
        </button>
        {stage === 'applying' ? (
          <button type="button" className="btn btn--danger" data-testid="deploy-cancel" onClick={() => void cancelDeploy()}>
            Cancel and restore
          </button>
        ) : null}
        {locked || breakLock ? (
          <label className="deploy-panel__check">
            <input type="checkbox" data-testid="deploy-break-lock" checked={breakLock} onChange={(e) => setBreakLock(e.target.checked)} /> Break the lock
          </label>
        ) : null}
      </div>
      {error ? (
        <div className="deploy-panel__error" role="alert" data-testid="deploy-error">
          {error}
        </div>
      ) : null}
      {plan && stage !== 'applying' && stage !== 'finished' ? <PlanTable plan={plan} /> : null}
      {rollbackPlan && stage === 'rollback-preview' ? (
        <RollbackPreview plan={rollbackPlan} onConfirm={() => void applyRollback()} onBack={dismissRollback} />
      ) : null}
      {stage === 'applying' || stage === 'finished' ? <Progress /> : null}
      <HostKeyDialog />
      <PassphraseDialog />
    </aside>
  );
}

const STATUS_POLL_MS = 5000;

/** Polls container state and health while the panel is open (the dots on the canvas), and once after a deploy ends. */
function useLiveStatus(open: boolean, stage: string): void {
  const refresh = useAppStore((s) => s.refreshDeployStatus);
  useEffect(() => {
    if (!open || stage === 'planning') return;
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [open, stage, refresh]);
}

/** Seconds since `since`, ticking while `running`. */
export function useElapsed(since: number | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return since === null ? 0 : Math.max(0, (running ? now : Date.now()) - since) / 1000;
}
