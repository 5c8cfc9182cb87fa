import { hostname, userInfo } from 'node:os';
import type Docker from 'dockerode';
import type { Topology } from '../../shared/model';
import { describeTarget, type SshConnection } from '../ssh/connection';
import type { SshPool } from '../ssh/pool';
import { desiredState, type DesiredHost, type DesiredState } from './desired';
import { dockerOverSsh } from './docker';
import { DeployError, dockerMessage } from './errors';
import type { DeployEvent, DeployReport } from './events';
import { readHostState } from './host-state';
import { KEPT_SUFFIX, LABEL, PREVIOUS_SUFFIX } from './labels';
import { planFrom, type DeployPlan, type RunningHost } from './plan';
import type { SecretSource } from './secrets';
import { runApply } from './apply';
import { runRollback } from './rollback';
import { planRollback, type RollbackPlan } from './rollback-plan';

export interface EngineDeps {
  pool: SshPool;
  secrets: SecretSource;
  /** Shown to whoever meets our lock; default user@machine. */
  holder?: string;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  onEvent?: (event: DeployEvent) => void;
  breakLock?: boolean;
  staleLockMs?: number;
  healthTimeoutSeconds?: number;
  /** The least wait for any service (the app's setting); see DesiredOptions. */
  defaultHealthTimeoutSeconds?: number;
}

/** A host of the deploy with its Docker client; the client follows reconnects. */
export interface HostSession {
  readonly desired: DesiredHost;
  readonly label: string;
  docker(): Promise<Docker>;
}

/** Plan and apply over the shared SSH pool. Safe to use from the app, the CLI and tests. */
export class DeployEngine {
  private readonly clients = new WeakMap<SshConnection, Docker>();
  constructor(private readonly deps: EngineDeps) {}

  async plan(topology: Topology, tierId: string, options: Pick<ApplyOptions, 'healthTimeoutSeconds' | 'defaultHealthTimeoutSeconds'> = {}): Promise<DeployPlan> {
    const desired = await desiredState(topology, tierId, { secrets: this.deps.secrets, healthTimeoutSeconds: options.healthTimeoutSeconds, defaultHealthTimeoutSeconds: options.defaultHealthTimeoutSeconds });
    const sessions = this.sessions(desired);
    return planFrom(desired, await this.readAll(desired, sessions));
  }

  async apply(topology: Topology, tierId: string, options: ApplyOptions = {}): Promise<DeployReport> {
    const desired = await desiredState(topology, tierId, { secrets: this.deps.secrets, healthTimeoutSeconds: options.healthTimeoutSeconds, defaultHealthTimeoutSeconds: options.defaultHealthTimeoutSeconds });
    if (desired.problems.length > 0) {
      throw new DeployError('PLAN_PROBLEMS', `the tier cannot be deployed:\n- ${desired.problems.join('\n- ')}`, { problems: desired.problems });
    }
    return runApply(this.runContext(desired, options));
  }

  /** What a rollback would do now, per host and service; changes nothing. */
  async rollbackPlan(topology: Topology, tierId: string): Promise<RollbackPlan> {
    const desired = await this.desiredForRollback(topology, tierId);
    return planRollback(desired, await this.readAll(desired, this.sessions(desired)));
  }

  /** Swaps every service back to the version the last deploy (or rollback) kept; see rollback.ts. */
  async rollback(topology: Topology, tierId: string, options: Omit<ApplyOptions, 'healthTimeoutSeconds'> = {}): Promise<DeployReport> {
    const desired = await this.desiredForRollback(topology, tierId, options.defaultHealthTimeoutSeconds);
    return runRollback(this.runContext(desired, options));
  }

  /** What a deploy and a rollback both run with: sessions, a lock holder name, cancel and events. */
  private runContext(desired: DesiredState, options: Omit<ApplyOptions, 'healthTimeoutSeconds'>) {
    return {
      desired,
      sessions: this.sessions(desired),
      readAll: (sessions: Parameters<typeof this.readAll>[1]) => this.readAll(desired, sessions),
      holder: `${this.deps.holder ?? defaultHolder()} #${Math.random().toString(36).slice(2, 8)}`,
      signal: options.signal ?? new AbortController().signal,
      emit: options.onEvent ?? (() => undefined),
      breakLock: options.breakLock ?? false,
      staleLockMs: options.staleLockMs ?? 30 * 60_000,
    };
  }

  /** The file gives hosts, order and health waits only: the kept containers carry their own configuration and secrets. */
  private desiredForRollback(topology: Topology, tierId: string, defaultHealthTimeoutSeconds?: number): Promise<DesiredState> {
    return desiredState(topology, tierId, { secrets: { valueOf: async () => '' }, defaultHealthTimeoutSeconds });
  }

  /** Live state of every container of the tier, for the dots on the canvas. */
  async status(topology: Topology, tierId: string): Promise<{ host: string; reachable: boolean; error?: string; containers: { service: string; name: string; state: string; health?: string }[] }[]> {
    const desired = await desiredState(topology, tierId, { secrets: { valueOf: async () => '' } });
    return Promise.all(
      this.sessions(desired).map(async (session) => {
        try {
          const docker = await session.docker();
          const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${LABEL.project}=${desired.project}`] }) });
          const containers = list
            .filter((c) => c.Labels[LABEL.service] && !c.Names[0]?.endsWith(PREVIOUS_SUFFIX) && !c.Names[0]?.endsWith(KEPT_SUFFIX))
            .map((c) => ({ service: c.Labels[LABEL.service]!, name: c.Names[0]!.replace(/^\//, ''), state: c.State, health: /\((healthy|unhealthy|health: starting)\)/.exec(c.Status)?.[1]?.replace('health: ', '') }));
          return { host: session.desired.host.id, reachable: true, containers };
        } catch (error) {
          return { host: session.desired.host.id, reachable: false, error: (error as Error).message, containers: [] };
        }
      }),
    );
  }

  private sessions(desired: DesiredState): HostSession[] {
    return desired.hosts.map((h) => ({
      desired: h,
      label: `${h.host.id} (${describeTarget(h.target)})`,
      docker: async () => {
        const connection = await this.deps.pool.get(h.target);
        let client = this.clients.get(connection);
        if (!client) {
          client = dockerOverSsh(connection, h.host.dockerSocket);
          this.clients.set(connection, client);
        }
        return client;
      },
    }));
  }

  private async readAll(desired: DesiredState, sessions: readonly HostSession[]): Promise<Map<string, RunningHost>> {
    const entries = await Promise.all(
      sessions.map(async (s) => {
        const docker = await s.docker();
        try {
          return [s.desired.host.id, await readHostState(docker, desired.project, s.desired.containers.map((c) => c.image))] as const;
        } catch (error) {
          throw new DeployError('DOCKER', `${s.label}: cannot read Docker's state: ${dockerMessage(error)}`, undefined, { cause: error });
        }
      }),
    );
    return new Map(entries);
  }
}

function defaultHolder(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `pid ${process.pid}@${hostname()}`;
  }
}
