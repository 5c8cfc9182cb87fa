import { IpcError, type DeployPlanView, type EventPayload, type HostKeyQuestion, type PassphraseQuestion, type RollbackPlanView } from '../../shared/ipc';
import type { SliceCreator, StoreDeps } from './types';

/** rollback-preview: the rollback's preview is shown and waits for confirmation. */
export type DeployStage = 'idle' | 'planning' | 'planned' | 'rollback-preview' | 'applying' | 'finished';

/** Progress of one container in the running deploy, keyed `host/name`. */
export interface ServiceProgress {
  host: string;
  service: string;
  name: string;
  step: string;
  message?: string;
}

export interface DeployReportView {
  outcome: 'succeeded' | 'nothing-to-do' | 'failed' | 'cancelled';
  error?: string;
  durationMs: number;
  hosts: { host: string; outcome: string; containers: { name: string; service: string; state: string; health?: string }[]; notes: string[] }[];
}

/** The deploy panel's state; never part of undo history. */
export interface DeploySlice {
  deployOpen: boolean;
  deployStage: DeployStage;
  deployPlan: DeployPlanView | null;
  /** What "Roll back to previous" will do, shown before it is confirmed. */
  rollbackPlan: RollbackPlanView | null;
  deployError: string | null;
  hostKeyQuestion: HostKeyQuestion | null;
  /** An encrypted key file main needs the passphrase of, and what to retry once it has it. */
  passphraseQuestion: (PassphraseQuestion & { retry: 'plan' | 'apply'; error?: string }) | null;
  deployJobId: string | null;
  deployStartedAt: number | null;
  deployPhase: string | null;
  deployProgress: Record<string, ServiceProgress>;
  deployLog: string[];
  deployReport: DeployReportView | null;
  breakLock: boolean;
  /** Live state by service id and host reachability by host id, from `deploy.status` polling. */
  deployStatus: { services: Record<string, LiveState>; hosts: Record<string, { reachable: boolean; error?: string }> } | null;

  refreshDeployStatus(): Promise<void>;
  openDeploy(): void;
  closeDeploy(): void;
  setBreakLock(value: boolean): void;
  planDeploy(): Promise<void>;
  applyDeploy(): Promise<void>;
  /** Asks main what a rollback would do and shows it; nothing changes yet. */
  previewRollback(): Promise<void>;
  /** Runs the previewed rollback as a job, with the same progress, log and cancel as a deploy. */
  applyRollback(): Promise<void>;
  dismissRollback(): void;
  cancelDeploy(): Promise<void>;
  answerHostKey(trust: boolean): Promise<void>;
  /** Hands the passphrase to main (never kept here) and retries; null = the person declined. */
  answerPassphrase(answer: { passphrase: string; remember: boolean } | null): Promise<void>;
  handleJobEvent(event: EventPayload<'job.event'>): void;
}

export type LiveState = 'healthy' | 'running' | 'starting' | 'unhealthy' | 'stopped';

const MAX_LOG_LINES = 500;

function liveState(state: string, health: string | undefined): LiveState {
  if (state !== 'running') return 'stopped';
  if (health === 'unhealthy' || health === 'starting' || health === 'healthy') return health;
  return 'running';
}

export const createDeploySlice =
  (deps: Pick<StoreDeps, 'call'>): SliceCreator<DeploySlice> =>
  (set, get) => {
    const target = () => {
      const { topology, tierId } = get();
      if (!topology || !tierId) throw new Error('Open a file and pick a tier first.');
      return { topology, tier: tierId };
    };
    /** Host-key and passphrase questions are dialogs, not errors; anything else is shown as it is. */
    const fail = (error: unknown, stage: DeployStage, retry: 'plan' | 'apply' = 'plan') => {
      if (error instanceof IpcError && error.code === 'HOST_KEY_UNKNOWN') set({ hostKeyQuestion: error.details as HostKeyQuestion, deployStage: stage });
      else if (error instanceof IpcError && error.code === 'KEY_PASSPHRASE_NEEDED') set({ passphraseQuestion: { ...(error.details as PassphraseQuestion), retry }, deployStage: stage });
      else set({ deployError: (error as Error).message, deployStage: stage });
    };
    const log = (line: string) => set({ deployLog: [...get().deployLog, line].slice(-MAX_LOG_LINES) });
    /** Events that arrive before deploy.apply answers with their job id (they may overtake the answer). */
    let early: EventPayload<'job.event'>[] = [];
    /** What a trusted host key or a given passphrase retries when it answered a read: the plan or the rollback preview. */
    let lastRead: 'plan' | 'rollback' = 'plan';
    const retryRead = () => (lastRead === 'rollback' ? get().previewRollback() : get().planDeploy());

    /** Starts a deploy or rollback job; events that overtook its answer are replayed once the id is known. */
    const startJob = async (start: () => Promise<{ jobId: string }>, onError: DeployStage, retry: 'plan' | 'apply') => {
      early = [];
      set({ deployStage: 'applying', deployError: null, deployReport: null, deployProgress: {}, deployLog: [], deployPhase: null, deployStartedAt: Date.now() });
      try {
        const { jobId } = await start();
        set({ deployJobId: jobId });
        const overtaken = early.filter((e) => e.jobId === jobId);
        early = [];
        for (const event of overtaken) get().handleJobEvent(event);
      } catch (error) {
        fail(error, onError, retry);
      }
    };

    return {
      deployOpen: false,
      deployStage: 'idle',
      deployPlan: null,
      rollbackPlan: null,
      deployError: null,
      hostKeyQuestion: null,
      passphraseQuestion: null,
      deployJobId: null,
      deployStartedAt: null,
      deployPhase: null,
      deployProgress: {},
      deployLog: [],
      deployReport: null,
      breakLock: false,
      deployStatus: null,

      async refreshDeployStatus() {
        try {
          const { hosts } = await deps.call('deploy.status', target());
          const services: Record<string, LiveState> = {};
          for (const h of hosts) for (const c of h.containers) services[c.service] = liveState(c.state, c.health);
          set({ deployStatus: { services, hosts: Object.fromEntries(hosts.map((h) => [h.host, { reachable: h.reachable, error: h.error }])) } });
        } catch {
          // Status is a convenience: an unknown host key or a refusal is reported by Plan.
        }
      },

      openDeploy: () => set({ deployOpen: true }),
      closeDeploy: () => set({ deployOpen: get().deployStage === 'applying' }),
      setBreakLock: (value) => set({ breakLock: value }),

      async planDeploy() {
        lastRead = 'plan';
        set({ deployStage: 'planning', deployError: null, deployPlan: null, rollbackPlan: null, deployReport: null });
        try {
          set({ deployPlan: await deps.call('deploy.plan', target()), deployStage: 'planned' });
        } catch (error) {
          fail(error, 'idle');
        }
      },

      async applyDeploy() {
        await startJob(() => deps.call('deploy.apply', { ...target(), breakLock: get().breakLock }), 'planned', 'apply');
      },

      async previewRollback() {
        lastRead = 'rollback';
        set({ deployStage: 'planning', deployError: null, deployPlan: null, rollbackPlan: null, deployReport: null });
        try {
          set({ rollbackPlan: await deps.call('deploy.rollbackPlan', target()), deployStage: 'rollback-preview' });
        } catch (error) {
          fail(error, 'idle');
        }
      },

      dismissRollback: () => set({ rollbackPlan: null, deployStage: 'idle' }),

      async applyRollback() {
        await startJob(() => deps.call('deploy.rollback', { ...target(), breakLock: get().breakLock }), 'rollback-preview', 'plan');
      },

      async cancelDeploy() {
        const jobId = get().deployJobId;
        if (!jobId) return;
        log('Cancelling: stopping and restoring the previous containers…');
        await deps.call('deploy.cancel', { jobId }).catch((error: unknown) => log(`Cancel failed: ${(error as Error).message}`));
      },

      async answerHostKey(trust) {
        const question = get().hostKeyQuestion;
        set({ hostKeyQuestion: null });
        if (!question || !trust) {
          if (question) set({ deployError: `Not connected to ${question.host}: its host key was not trusted.` });
          return;
        }
        try {
          await deps.call('hostKey.trust', { requestId: question.requestId, fingerprint: question.fingerprint });
          await retryRead();
        } catch (error) {
          fail(error, 'idle');
        }
      },

      async answerPassphrase(answer) {
        const question = get().passphraseQuestion;
        if (!question) return;
        if (answer === null) {
          set({ passphraseQuestion: null, deployError: `Not connected: the key ${question.keyFile} needs its passphrase.` });
          return;
        }
        try {
          await deps.call('ssh.passphrase', { keyFile: question.keyFile, passphrase: answer.passphrase, remember: answer.remember });
        } catch (error) {
          // A wrong passphrase keeps the dialog open with the reason; the typed text is not kept.
          set({ passphraseQuestion: { ...question, error: (error as Error).message } });
          return;
        }
        set({ passphraseQuestion: null });
        await (question.retry === 'apply' ? get().applyDeploy() : retryRead());
      },

      handleJobEvent(event) {
        if (get().deployStage === 'applying' && get().deployJobId === null) {
          early = [...early, event].slice(-MAX_LOG_LINES);
          return;
        }
        if (event.jobId !== get().deployJobId) return;
        const data = event.data as { type?: string; host?: string; service?: string; name?: string; step?: string; message?: string; stage?: string; report?: DeployReportView } | undefined;
        if (event.kind === 'progress' && data?.type === 'service') {
          const key = `${data.host}/${data.name}`;
          set({ deployProgress: { ...get().deployProgress, [key]: { host: data.host!, service: data.service!, name: data.name!, step: data.step!, message: data.message } } });
        } else if (event.kind === 'progress' && data?.type === 'stage' && data.stage === 'phase') {
          set({ deployPhase: data.message ?? null });
        }
        if (event.message) log(event.message);
        if (event.kind === 'done' || event.kind === 'failed' || event.kind === 'cancelled') {
          set({ deployStage: 'finished', deployJobId: null, deployReport: data?.report ?? null, deployError: event.kind === 'done' ? null : (event.message ?? event.kind) });
        }
      },
    };
  };
