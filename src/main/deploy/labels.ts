/** Labels on everything Stackdraft creates: how a plan finds what it deployed before. */
export const LABEL = {
  project: 'io.stackdraft.project',
  tier: 'io.stackdraft.tier',
  service: 'io.stackdraft.service',
  replica: 'io.stackdraft.replica',
  configHash: 'io.stackdraft.config-hash',
  /** The desired configuration, secrets as hashes only, so a replace can say what changed. */
  spec: 'io.stackdraft.spec',
  lock: 'io.stackdraft.lock',
  lockHolder: 'io.stackdraft.lock-holder',
  lockSince: 'io.stackdraft.lock-since',
  /** Machine and process id of the deploy holding the lock: a dead holder on this machine is known to be gone. */
  lockMachine: 'io.stackdraft.lock-machine',
  lockPid: 'io.stackdraft.lock-pid',
  /** When the deploy that created the container started (ISO time): tells what the last deploy created. */
  generation: 'io.stackdraft.generation',
} as const;

/** Suffix of a replaced container kept (stopped) until its successor is healthy. */
export const PREVIOUS_SUFFIX = '-sdprev';
/**
 * Suffix of the previous version kept (stopped) after a successful deploy, for a rollback.
 * A name and not a label: Docker cannot change the labels of an existing container.
 */
export const KEPT_SUFFIX = '-sdkept';

export const containerName = (project: string, serviceName: string, replica: number): string =>
  replica <= 1 ? `${project}-${serviceName}` : `${project}-${serviceName}-${replica}`;
export const networkName = (project: string, planeId: string | undefined): string => `${project}_${planeId ?? 'default'}`;
export const volumeName = (project: string, source: string): string => `${project}_${source}`;
export const lockName = (project: string): string => `${project}-sdlock`;
