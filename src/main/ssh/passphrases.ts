import { readFile } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import ssh2 from 'ssh2';
import type { SecretStore } from '../services/secrets';
import type { PassphraseSource } from './connection';

// ssh2 is CommonJS: Node's ESM loader gives its exports only as the default.
const { utils } = ssh2;

/**
 * Where a key file's passphrase is kept in the keychain: `ssh/key<absolute path>/passphrase`.
 * null when the path cannot be a secret name (relative, or characters the names refuse).
 */
export function passphraseSecretKey(keyFile: string): string | null {
  if (!isAbsolute(keyFile)) return null;
  const key = `ssh/key${normalize(keyFile)}/passphrase`;
  return /^ssh\/key(\/[A-Za-z0-9._:@-]+)+\/passphrase$/.test(key) && key.length <= 256 && !key.includes('/../') ? key : null;
}

export interface RememberResult {
  /** Stored in the system keychain (else kept for this session only). */
  remembered: boolean;
  /** Why it was not stored, when the person asked for it. */
  reason?: string;
}

/**
 * Key passphrases for the SSH pool: what the person typed this session (memory only), then
 * the keychain. A passphrase that turns out wrong is forgotten so that the window asks
 * again. Values are never logged and no method hands one back to the renderer.
 */
export class KeyPassphrases implements PassphraseSource {
  private readonly session = new Map<string, string>();

  constructor(private readonly secrets: SecretStore | null) {}

  async passphraseFor(keyFile: string, attempt: number): Promise<string | null> {
    // A second attempt means the first answer did not open the key: drop it, ask the window.
    if (attempt > 1) {
      this.session.delete(keyFile);
      return null;
    }
    return this.session.get(keyFile) ?? (await this.fromKeychain(keyFile));
  }

  /** Keeps the passphrase for this session and, when asked and possible, in the keychain. */
  async remember(keyFile: string, passphrase: string, persist: boolean): Promise<RememberResult> {
    this.session.set(keyFile, passphrase);
    if (!persist) return { remembered: false };
    const status = this.storeStatus(keyFile);
    if (!status.available) return { remembered: false, reason: status.reason };
    await this.secrets!.set(passphraseSecretKey(keyFile)!, passphrase);
    return { remembered: true };
  }

  /** Whether "remember in the keychain" can work for this key file, and if not why. */
  storeStatus(keyFile: string): { available: boolean; reason?: string } {
    if (this.secrets === null) return { available: false, reason: 'This window cannot reach the system keychain; the passphrase is kept until Stackdraft quits.' };
    const status = this.secrets.status();
    if (!status.available) return status;
    if (passphraseSecretKey(keyFile) === null) return { available: false, reason: `The key path ${keyFile} has characters the keychain names do not allow; the passphrase is kept until Stackdraft quits.` };
    return { available: true };
  }

  private async fromKeychain(keyFile: string): Promise<string | null> {
    const key = passphraseSecretKey(keyFile);
    if (this.secrets === null || key === null || !this.secrets.status().available) return null;
    return this.secrets.get(key);
  }
}

/** Whether `passphrase` decrypts the key in `keyFile` (checked before it is kept or stored). */
export async function opensKey(keyFile: string, passphrase: string): Promise<boolean> {
  const parsed = utils.parseKey(await readFile(keyFile), passphrase);
  return !(parsed instanceof Error) && !(Array.isArray(parsed) && parsed.length === 0);
}
