import type Docker from 'dockerode';
import { DeployError } from './errors';

export interface WaitOptions {
  timeoutMs: number;
  hasHealthCheck: boolean;
  signal: AbortSignal;
  pollMs?: number;
  /** Without a health check, "running this long without exiting" counts as up. */
  settleMs?: number;
}

/**
 * Waits until the container is healthy (or, without a health check, running and settled).
 * Fails fast when Docker calls it unhealthy or it exits, quoting its health output or logs.
 */
export async function waitHealthy(container: Docker.Container, label: string, options: WaitOptions): Promise<void> {
  const started = Date.now();
  const poll = options.pollMs ?? 100;
  for (;;) {
    if (options.signal.aborted) throw new DeployError('CANCELLED', `${label}: stopped waiting (deploy cancelled or another service failed).`);
    const info = await container.inspect();
    const state = info.State;
    if (state.Status === 'exited' || state.Status === 'dead') {
      throw new DeployError('UNHEALTHY', `${label} exited with code ${state.ExitCode} before it was healthy. Last output: ${await lastLogs(container)}`);
    }
    const health = state.Health?.Status;
    if (options.hasHealthCheck) {
      if (health === 'healthy') return;
      if (health === 'unhealthy') {
        const last = state.Health?.Log?.at(-1);
        throw new DeployError('UNHEALTHY', `${label} is unhealthy: its health check failed ${state.Health?.FailingStreak ?? '?'} times (exit ${last?.ExitCode ?? '?'}: ${last?.Output?.trim() || 'no output'}).`);
      }
    } else if (state.Running && Date.now() - Date.parse(state.StartedAt) >= (options.settleMs ?? 1000)) {
      return;
    }
    if (Date.now() - started > options.timeoutMs) {
      throw new DeployError('UNHEALTHY', `${label} was not healthy after ${Math.round(options.timeoutMs / 1000)} s (health: ${health ?? 'no check'}, state: ${state.Status}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
}

/** The last lines a container wrote, demultiplexed from Docker's 8-byte frame headers. */
export async function lastLogs(container: Docker.Container, lines = 10): Promise<string> {
  try {
    const raw = (await container.logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
    return demux(raw).trim().slice(-2000) || '(none)';
  } catch {
    return '(logs unavailable)';
  }
}

export function demux(raw: Buffer): string {
  let text = '';
  let offset = 0;
  while (offset + 8 <= raw.length && (raw[offset] === 1 || raw[offset] === 2) && raw[offset + 1] === 0) {
    const size = raw.readUInt32BE(offset + 4);
    text += raw.subarray(offset + 8, offset + 8 + size).toString('utf8');
    offset += 8 + size;
  }
  return offset === 0 ? raw.toString('utf8') : text;
}
