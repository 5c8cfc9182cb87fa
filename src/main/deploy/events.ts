/** What a deploy reports while it runs; the IPC layer turns these into `job.event`s. */
export type ServiceStep = 'waiting' | 'pulling' | 'stopping-old' | 'creating' | 'starting' | 'health-check' | 'healthy' | 'failed' | 'rolled-back' | 'removed' | 'unchanged';

export type DeployEvent =
  | { type: 'stage'; stage: 'connect' | 'lock' | 'plan' | 'images' | 'networks' | 'phase' | 'cleanup' | 'rollback' | 'finished'; phase?: number; message: string }
  | { type: 'service'; host: string; service: string; name: string; step: ServiceStep; message?: string }
  | { type: 'log'; message: string };

export interface HostReport {
  host: string;
  /** converged = as planned; rolled-back = as before this deploy; unknown = could not be reached to check. */
  outcome: 'converged' | 'rolled-back' | 'unchanged' | 'unknown';
  containers: { name: string; service: string; state: string; health?: string }[];
  notes: string[];
}

export interface DeployReport {
  outcome: 'succeeded' | 'nothing-to-do' | 'failed' | 'cancelled';
  error?: string;
  hosts: HostReport[];
  durationMs: number;
  phases: { index: number; services: number; durationMs: number }[];
}
