/**
 * Reports a step that is still waiting after `afterMs` (STACKDRAFT_TRACE_SLOW=1: to stderr),
 * so that a call that never returns names where it waits: a channel slot, sshd opening a
 * channel, or Docker's answer. Off unless asked for; the end-to-end tests turn it on.
 */
export function watchSlow<T>(what: () => string, work: Promise<T>, afterMs = 10_000): Promise<T> {
  if (!process.env.STACKDRAFT_TRACE_SLOW) return work;
  const started = Date.now();
  const timer = setInterval(() => console.error(`[slow] still waiting after ${Math.round((Date.now() - started) / 1000)} s: ${what()}`), afterMs);
  timer.unref();
  return work.finally(() => clearInterval(timer));
}
