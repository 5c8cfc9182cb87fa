import { HandlerError, type PassphraseQuestion } from '../../shared/ipc';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc';
import { opensKey, type KeyPassphrases } from '../ssh/passphrases';
import type { TrustStore } from '../ssh/trust-store';

type CredentialChannel = 'hostKey.list' | 'hostKey.remove' | 'ssh.passphrase';
export type CredentialHandlers = { [C in CredentialChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

export interface CredentialHandlerDeps {
  trust: TrustStore;
  passphrases: KeyPassphrases;
  /** Forgets pooled connections to a host whose key was removed, so the next use checks again. */
  onKeyRemoved?: (host: string, port: number) => Promise<void>;
  /** True while a deploy runs: its connections must not be cut under it. */
  deploying?: () => boolean;
}

/**
 * Known hosts and key passphrases. A passphrase is accepted only for a key file that a
 * KEY_PASSPHRASE_NEEDED answer named (`ask`), and only once it opens that key.
 */
export function createCredentialHandlers(deps: CredentialHandlerDeps): { handlers: CredentialHandlers; ask(keyFile: string, incorrect: boolean): PassphraseQuestion } {
  const asked = new Set<string>();
  return {
    ask(keyFile, incorrect) {
      asked.add(keyFile);
      return { keyFile, incorrect, remember: deps.passphrases.storeStatus(keyFile) };
    },
    handlers: {
      'hostKey.list': async () => deps.trust.list(),

      'hostKey.remove': async ({ host, port, fingerprint }) => {
        if (deps.deploying?.()) throw new HandlerError('UNAVAILABLE', 'A deploy is running; remove host keys once it has finished or been cancelled.');
        const removed = await deps.trust.remove(host, port, fingerprint);
        if (removed) await deps.onKeyRemoved?.(host, port);
        return { removed };
      },

      'ssh.passphrase': async ({ keyFile, passphrase, remember }) => {
        if (!asked.has(keyFile)) throw new HandlerError('NOT_FOUND', `No passphrase was asked for ${keyFile}; run Plan again.`);
        const opens = await opensKey(keyFile, passphrase).catch((error: NodeJS.ErrnoException) => {
          throw new HandlerError('IO_ERROR', `Cannot read the key file ${keyFile}: ${error.code ?? error.message}`);
        });
        if (!opens) throw new HandlerError('BAD_REQUEST', `That passphrase does not open ${keyFile}; nothing was kept.`, { keyFile, incorrect: true });
        asked.delete(keyFile);
        return deps.passphrases.remember(keyFile, passphrase, remember);
      },
    },
  };
}
