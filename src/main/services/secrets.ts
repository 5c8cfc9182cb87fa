import * as fs from 'node:fs/promises';
import { z } from 'zod';
import { secretKey } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';

/**
 * Secrets (SSH key passphrases, tokens) encrypted by the OS keychain through Electron's
 * safeStorage, in main only. The ciphertext lives in its own file, never in settings;
 * values are never logged and never sent to the renderer (no channel returns one).
 */

/** The part of Electron's `safeStorage` we use; a fake stands in for it in plain Node. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron: `basic_text` means "obfuscated, not encrypted". */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What the deploy service needs: read a passphrase by key. */
export interface SecretReader {
  get(key: string): Promise<string | null>;
}

export interface SecretStore extends SecretReader {
  status(): SecretsStatus;
  has(key: string): Promise<boolean>;
  /** Every stored key (names, never values). */
  keys(): Promise<string[]>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SecretsStatus {
  available: boolean;
  /** Why secrets cannot be stored, in a sentence the user can act on. */
  reason?: string;
}

export class SecretsUnavailableError extends Error {
  readonly code = 'SECRETS_UNAVAILABLE';
}

/** `ssh/<host>/passphrase`, `token/<name>`: no spaces, no path tricks. */
const secretKeySchema = secretKey;

const fileSchema = z.record(z.string(), z.string());

export class Secrets implements SecretStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly cipher: SecretCipher,
    /** e.g. `<userData>/secrets.json`: base64 ciphertext per key. */
    private readonly file: string,
  ) {}

  status(): SecretsStatus {
    if (!this.cipher.isEncryptionAvailable()) {
      return { available: false, reason: 'Stackdraft cannot encrypt secrets on this system (no OS keychain is available), so it will not store them. Enter the passphrase each time, or use an ssh-agent.' };
    }
    if (this.cipher.getSelectedStorageBackend?.() === 'basic_text') {
      return {
        available: false,
        reason: 'No secret store (GNOME Keyring or KWallet) is running, so secrets would be kept in plain text; Stackdraft refuses to store them. Start a keyring, or use an ssh-agent.',
      };
    }
    return { available: true };
  }

  async get(key: string): Promise<string | null> {
    const encrypted = (await this.read())[secretKeySchema.parse(key)];
    if (encrypted === undefined) return null;
    this.requireAvailable();
    return this.cipher.decryptString(Buffer.from(encrypted, 'base64'));
  }

  async has(key: string): Promise<boolean> {
    return (await this.read())[secretKeySchema.parse(key)] !== undefined;
  }

  async keys(): Promise<string[]> {
    return Object.keys(await this.read()).sort();
  }

  async set(key: string, value: string): Promise<void> {
    secretKeySchema.parse(key);
    this.requireAvailable();
    const encrypted = this.cipher.encryptString(value).toString('base64');
    await this.change((all) => ({ ...all, [key]: encrypted }));
  }

  async delete(key: string): Promise<void> {
    secretKeySchema.parse(key);
    await this.change((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== key)));
  }

  private requireAvailable(): void {
    const { available, reason } = this.status();
    if (!available) throw new SecretsUnavailableError(reason);
  }

  private change(update: (all: Record<string, string>) => Record<string, string>): Promise<void> {
    const write = this.writing.then(async () => {
      const next = update(await this.read());
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, { backup: false });
      // Ciphertext only, but still nobody else's business; later writes keep this mode.
      await fs.chmod(this.file, 0o600);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async read(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      // A Map-free record: keys were validated on the way in, and JSON.parse makes no prototypes.
      return fileSchema.parse(JSON.parse(text));
    } catch {
      throw new Error(`The secrets file ${this.file} is damaged; it was left as it is. Move it away to start with no stored secrets.`);
    }
  }
}
