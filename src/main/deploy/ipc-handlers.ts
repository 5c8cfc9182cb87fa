import { randomBytes, randomUUID } from 'node:crypto';
import { HandlerError, type DeployPlanView, type EventPayload, type HostKeyQuestion, type RollbackPlanView } from '../../shared/ipc';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import { SshError } from '../ssh/errors';
import type { KeyPassphrases } from '../ssh/passphrases';
import type { TrustStore } from '../ssh/trust-store';
import { createCredentialHandlers, type CredentialHandlers } from './credential-handlers';
import type { DeployEngine } from './engine';
import { DeployError } from './errors';
import type { DeployEvent, DeployReport } from './events';
import { planHasChanges, type DeployPlan, type RunningContainer } from './plan';
import type { RollbackPlan } from './rollback-plan';

type DeployChannel = 'deploy.plan' | 'deploy.apply' | 'deploy.rollbackPlan' | 'deploy.rollback' | 'deploy.cancel' | 'deploy.status' | 'hostKey.trust';
export type DeployHandlers = { [C in DeployChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> } & CredentialHandlers;

export interface DeployHandlerDeps {
  engine: DeployEngine;
  trust: TrustStore;
  /** Passphrases of encrypted key files: this session's, then the keychain's. */
  passphrases: KeyPassphrases;
  /** The settings' default health-check wait, read at each request (seconds). */
  defaultHealthTimeoutSeconds?: () => number;
  /** Closes pooled connections to a host whose key was removed from the trust store. */
  onKeyRemoved?: (host: string, port: number) => Promise<void>;
  /** Pushes a `job.event` to the window(s). */
  emit(payload: EventPayload<'job.event'>): void;
}

/** The deploy channels: plan and status answer directly; apply runs as a job streaming events. */
export function createDeployHandlers(deps: DeployHandlerDeps): DeployHandlers {
  const jobs = new Map<string, AbortController>();
  /** Unknown keys seen by a plan, so that a trust request names one by id instead of sending a key. */
  const questions = new Map<string, { host: string; port: number; publicKey: string; fingerprint: string }>();
  const credentials = createCredentialHandlers({ ...deps, deploying: () => jobs.size > 0 });
  const healthDefaults = (healthTimeoutSeconds: number | undefined) => ({ healthTimeoutSeconds, defaultHealthTimeoutSeconds: deps.defaultHealthTimeoutSeconds?.() });

  const translate = (error: unknown): never => {
    if (error instanceof SshError) {
      if (error.code === 'HOST_KEY_UNKNOWN') {
        const d = error.details as { host: string; port: number; keyType: string; fingerprint: string; publicKey: string };
        const requestId = randomBytes(8).toString('hex');
        questions.set(requestId, d);
        const question: HostKeyQuestion = { requestId, host: d.host, port: d.port, keyType: d.keyType, fingerprint: d.fingerprint };
        throw new HandlerError('HOST_KEY_UNKNOWN', error.message, question);
      }
      if (error.code === 'KEY_PASSPHRASE_NEEDED') {
        const d = error.details as { keyFile: string; incorrect: boolean };
        throw new HandlerError('KEY_PASSPHRASE_NEEDED', error.message, credentials.ask(d.keyFile, d.incorrect));
      }
      throw new HandlerError(error.code === 'HOST_KEY_CHANGED' ? 'HOST_KEY_CHANGED' : 'SSH_FAILED', error.message, { code: error.code });
    }
    if (error instanceof DeployError) throw new HandlerError('DEPLOY_REFUSED', error.message, { code: error.code });
    if (error instanceof Error && /there is no tier/.test(error.message)) throw new HandlerError('BAD_REQUEST', error.message);
    throw error;
  };

  /** Runs a deploy or rollback as a job: events stream as `job.event`s, the report ends it, `deploy.cancel` aborts it. */
  const startJob = (run: (signal: AbortSignal, onEvent: (event: DeployEvent) => void) => Promise<DeployReport>): { jobId: string } => {
    const jobId = randomUUID();
    const controller = new AbortController();
    jobs.set(jobId, controller);
    const onEvent = (event: DeployEvent) => deps.emit({ jobId, kind: event.type === 'log' ? 'log' : 'progress', message: event.type === 'service' ? `${event.host} ${event.name}: ${event.step}` : event.message, data: event });
    void run(controller.signal, onEvent)
      .then(
        (report) => {
          const kind = report.outcome === 'cancelled' ? 'cancelled' : report.outcome === 'failed' ? 'failed' : 'done';
          deps.emit({ jobId, kind, message: report.error ?? report.outcome, progress: kind === 'done' ? 1 : undefined, data: { report } });
        },
        (error: unknown) => deps.emit({ jobId, kind: 'failed', message: (error as Error).message, data: { code: (error as DeployError).code } }),
      )
      .finally(() => jobs.delete(jobId));
    return { jobId };
  };

  return {
    'deploy.plan': async ({ topology, tier }) => planView(await deps.engine.plan(topology, tier, healthDefaults(undefined)).catch(translate)),

    'deploy.apply': async ({ topology, tier, breakLock, healthTimeoutSeconds }) => {
      // Plan first, in the request: host-key questions and refusals answer the call itself.
      const plan = await deps.engine.plan(topology, tier, healthDefaults(healthTimeoutSeconds)).catch(translate);
      if (plan.problems.length > 0) throw new HandlerError('DEPLOY_REFUSED', `the tier cannot be deployed: ${plan.problems.join('; ')}`, { problems: plan.problems });
      return startJob((signal, onEvent) => deps.engine.apply(topology, tier, { signal, onEvent, breakLock, ...healthDefaults(healthTimeoutSeconds) }));
    },

    'deploy.rollbackPlan': async ({ topology, tier }) => rollbackPlanView(await deps.engine.rollbackPlan(topology, tier).catch(translate)),

    'deploy.rollback': async ({ topology, tier, breakLock }) => {
      // Preview first, in the request: host-key questions and "nothing to roll back" answer the call itself.
      const preview = await deps.engine.rollbackPlan(topology, tier).catch(translate);
      if (preview.nothing !== undefined) throw new HandlerError('DEPLOY_REFUSED', preview.nothing, { code: 'NOTHING_TO_ROLL_BACK' });
      return startJob((signal, onEvent) => deps.engine.rollback(topology, tier, { signal, onEvent, breakLock, defaultHealthTimeoutSeconds: deps.defaultHealthTimeoutSeconds?.() }));
    },

    'deploy.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },

    'deploy.status': async ({ topology, tier }) => ({ hosts: await deps.engine.status(topology, tier).catch(translate) }),

    'hostKey.trust': async ({ requestId, fingerprint }) => {
      const question = questions.get(requestId);
      if (!question) throw new HandlerError('NOT_FOUND', 'That host-key question has expired; run Plan again to be asked once more.');
      if (question.fingerprint !== fingerprint) throw new HandlerError('BAD_REQUEST', 'The fingerprint does not match the key that was shown; nothing was trusted.');
      questions.delete(requestId);
      await deps.trust.trust(question.host, question.port, Buffer.from(question.publicKey, 'base64'));
      return { host: question.host, fingerprint };
    },
    ...credentials.handlers,
  };
}

/** The plan without container bodies (they hold secret values) and without internal references. */
export function planView(plan: DeployPlan): DeployPlanView {
  return {
    project: plan.project,
    tier: plan.tier,
    phases: plan.phases.map((p) => [...p]),
    problems: [...plan.problems],
    hasChanges: planHasChanges(plan),
    hosts: plan.hosts.map((h) => ({
      host: h.host,
      address: h.address,
      actions: h.actions.map((a) => ({ kind: a.kind, service: a.service, name: a.name, ...(a.phase === undefined ? {} : { phase: a.phase }), reasons: [...a.reasons] })),
      createNetworks: h.createNetworks.map((n) => n.name),
      createVolumes: [...h.createVolumes],
      removeNetworks: [...h.removeNetworks],
      unusedVolumes: [...h.unusedVolumes],
      missingImages: [...h.missingImages],
      ...(h.lock ? { lock: h.lock } : {}),
    })),
  };
}

/** The rollback preview without container internals: per service, the version running now and the one coming back. */
export function rollbackPlanView(plan: RollbackPlan): RollbackPlanView {
  const version = (c: RunningContainer | undefined) => (c ? { hash: c.hash, createdAt: c.createdAt ?? '' } : undefined);
  return {
    project: plan.project,
    tier: plan.tier,
    direction: plan.direction,
    ...(plan.nothing === undefined ? {} : { nothing: plan.nothing }),
    hosts: plan.hosts.map((h) => ({
      host: h.host,
      address: h.address,
      actions: h.actions.map((a) => {
        const from = version(a.current);
        const to = version(a.kept);
        return { kind: a.kind, service: a.service, name: a.name, phase: a.phase, reason: a.reason, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      }),
      ...(h.lock ? { lock: h.lock } : {}),
    })),
  };
}

/** Where no deploy engine is wired (e.g. a test of other channels): a clear refusal. */
export function unavailableDeployHandlers(): DeployHandlers {
  const refuse = async (): Promise<never> => {
    throw new HandlerError('UNAVAILABLE', 'Deploy is not set up in this window.');
  };
  return {
    'deploy.plan': refuse,
    'deploy.apply': refuse,
    'deploy.rollbackPlan': refuse,
    'deploy.rollback': refuse,
    'deploy.cancel': refuse,
    'deploy.status': refuse,
    'hostKey.trust': refuse,
    'hostKey.list': refuse,
    'hostKey.remove': refuse,
    'ssh.passphrase': refuse,
  };
}
