import { SshError } from '../ssh/errors';
import { statusCodeOf } from './errors';

/** Codes of a connection or daemon that went away for a moment (reset, sshd restarted, dockerd restarting). */
const TRANSIENT_SSH = new Set(['CONNECTION_LOST', 'CHANNEL_FAILED', 'TIMEOUT', 'UNREACHABLE']);
const TRANSIENT_NET = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOENT']);

/** True when trying again later can help: the path to Docker broke, Docker did not answer "no". */
export function isTransient(error: unknown): boolean {
  if (error instanceof SshError) return TRANSIENT_SSH.has(error.code);
  if (statusCodeOf(error) !== undefined) return statusCodeOf(error)! >= 500 && /starting|shutting down|connection/i.test(String((error as Error).message));
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && TRANSIENT_NET.has(code)) || /socket hang up|connection.*(closed|lost|reset)|through SSH|SSH connection/i.test(String((error as Error).message));
}

/**
 * Runs `step` until it succeeds, fails for a reason that will not go away, or `withinMs`
 * passes. Restoring a host after a fault must outlast the fault itself: a dockerd restart
 * or a reconnect takes seconds, and giving up at the first refusal would leave a half state.
 */
export async function retryTransient<T>(step: () => Promise<T>, withinMs: number, pauseMs = 500): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!isTransient(error) || Date.now() + pauseMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
