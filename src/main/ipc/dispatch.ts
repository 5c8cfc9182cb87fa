import type { z } from 'zod';
import { channels, HandlerError, isChannelName, type IpcResult } from '../../shared/ipc';
import type { Handlers } from './handlers';

const MAX_REPORTED_ISSUES = 20;

export interface RequestIssue {
  field: string;
  message: string;
}

/**
 * The one gate between a transport and the handlers: the sender is checked, the channel
 * looked up and the payload parsed with the channel's schema before any handler runs.
 * Never throws: every outcome, including a bug in a handler, is an `IpcResult`.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  senderAllowed: boolean,
  log: (message: string, error?: unknown) => void = console.error,
): Promise<IpcResult<unknown>> {
  // The sender first, so that an untrusted frame learns nothing, not even the channel names.
  if (!senderAllowed) {
    return failure('FORBIDDEN_SENDER', 'This request came from a page that is not Stackdraft and was refused.');
  }
  if (!isChannelName(channel)) {
    return failure('UNKNOWN_CHANNEL', `There is no "${String(channel).slice(0, 64)}" request; the window and main process may be from different versions.`);
  }
  let parsed: ReturnType<z.ZodType['safeParse']>;
  try {
    parsed = channels[channel].request.safeParse(payload);
  } catch (error) {
    // Only an exotic in-process value (a throwing getter) gets here; never over a transport.
    return failure('BAD_REQUEST', `${channel}: the request could not be read: ${(error as Error).message}`);
  }
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return failure('BAD_REQUEST', `${channel}: ${first.field}: ${first.message}${more}`, { issues });
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof HandlerError) return failure(error.code, error.message, error.details);
    log(`[ipc] ${channel} failed unexpectedly`, error);
    return failure('INTERNAL', `${channel} failed unexpectedly (${(error as Error)?.message ?? String(error)}); the details are in the log. Please report this.`);
  }
}

function failure(code: HandlerError['code'], message: string, details?: unknown): IpcResult<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Issues with a readable field path: `topology.services[2].name`. */
export function describeIssues(error: z.ZodError): RequestIssue[] {
  return error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    // An unknown key is best reported at the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
    const message = keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''} "${keys.join('", "')}"` : issue.message;
    return { field: formatPath(path) || 'request', message };
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key.slice(0, 64))}]`;
    })
    .join('');
}
