/** Why an SSH connection failed, in words a person deploying from a laptop can act on. */
export type SshErrorCode =
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'AUTH_FAILED'
  | 'NO_CREDENTIALS'
  /** The key file is encrypted and no (correct) passphrase is known: details.keyFile names it. */
  | 'KEY_PASSPHRASE_NEEDED'
  | 'HOST_KEY_UNKNOWN'
  | 'HOST_KEY_CHANGED'
  | 'HOST_KEY_REJECTED'
  | 'CONNECTION_LOST'
  | 'CHANNEL_FAILED';

export class SshError extends Error {
  override readonly name = 'SshError';
  constructor(
    readonly code: SshErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** ssh2 and net errors → a code and a sentence naming the host. */
export function describeConnectError(where: string, error: Error & { code?: string; level?: string }): SshError {
  const code = error.code;
  if (code === 'ECONNREFUSED') return new SshError('UNREACHABLE', `${where}: connection refused — is sshd running and listening on that port?`, undefined, { cause: error });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new SshError('UNREACHABLE', `${where}: host unreachable (${code}) — check the address and the network.`, undefined, { cause: error });
  }
  if (code === 'ETIMEDOUT' || /timed out/i.test(error.message)) {
    return new SshError('TIMEOUT', `${where}: no answer in time — the host may be down or a firewall drops SSH.`, undefined, { cause: error });
  }
  if (error.level === 'client-timeout' || /keepalive/i.test(error.message)) {
    return new SshError('CONNECTION_LOST', `${where}: the host stopped answering (no reply to SSH keep-alives) — it may be frozen, overloaded or cut off; the connection was dropped.`, undefined, { cause: error });
  }
  if (error.level === 'client-authentication') {
    return new SshError('AUTH_FAILED', `${where}: the server refused every key offered (ssh-agent or key file) — is the public key in the user's authorized_keys?`, undefined, { cause: error });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    // A bare "read ECONNRESET" does not tell a user that it is the SSH connection that went.
    return new SshError('CONNECTION_LOST', `${where}: the SSH connection was lost (${error.message}) — sshd, the host or the network dropped it.`, undefined, { cause: error });
  }
  return new SshError('CONNECTION_LOST', `${where}: ${error.message}`, undefined, { cause: error });
}
