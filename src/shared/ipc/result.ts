/** Errors cross the process boundary as data: a code to branch on, a sentence to show. */
export interface IpcErrorData {
  code: IpcErrorCode;
  message: string;
  /** Structured detail, e.g. the load problems of a file (line, column, field). */
  details?: unknown;
}

export type IpcErrorCode =
  | 'BAD_REQUEST'
  | 'FORBIDDEN_SENDER'
  | 'UNKNOWN_CHANNEL'
  | 'LOAD_FAILED'
  | 'NOT_FOUND'
  | 'READ_ONLY'
  | 'CHANGED_ON_DISK'
  | 'IO_ERROR'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  // Deploy (issue 6): the renderer asks about an unknown key, explains a changed one.
  | 'HOST_KEY_UNKNOWN'
  | 'HOST_KEY_CHANGED'
  | 'SSH_FAILED'
  // The key file is encrypted: the renderer asks for its passphrase (`ssh.passphrase`) and retries.
  | 'KEY_PASSPHRASE_NEEDED'
  | 'DEPLOY_REFUSED';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorData };

/** Thrown by the renderer's client for a failed call, keeping the code and details. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  readonly details: unknown;
  constructor(data: IpcErrorData) {
    super(data.message);
    this.name = 'IpcError';
    this.code = data.code;
    this.details = data.details;
  }
}

/** Thrown inside main-process handlers to answer with a specific code. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
