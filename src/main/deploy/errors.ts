export type DeployErrorCode = 'PLAN_PROBLEMS' | 'LOCKED' | 'IMAGE_MISSING' | 'UNHEALTHY' | 'CANCELLED' | 'DOCKER' | 'CONNECTION';

export class DeployError extends Error {
  override readonly name = 'DeployError';
  constructor(
    readonly code: DeployErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Docker's own explanation ("json" body of a failed call) rather than dockerode's generic line. */
export function dockerMessage(error: unknown): string {
  const e = error as { json?: { message?: string }; reason?: string; message?: string };
  return e.json?.message ?? e.message ?? e.reason ?? String(error);
}

export const statusCodeOf = (error: unknown): number | undefined => (error as { statusCode?: number }).statusCode;
