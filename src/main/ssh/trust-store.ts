import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../services/atomic-write';
import { entryMatches, fingerprintOf, keyTypeOf, parseKnownHosts, type KnownHostEntry } from './known-hosts';

/** What the trust store says about the key a server presented. */
export type HostKeyVerdict =
  | { status: 'trusted' }
  | { status: 'unknown'; fingerprint: string; keyType: string }
  | { status: 'changed'; fingerprint: string; keyType: string; expected: string[]; source: string };

export interface TrustedKey {
  host: string;
  port: number;
  keyType: string;
  publicKey: string;
  fingerprint: string;
  addedAt: string;
}

/** A key as the Known Hosts dialog lists it. */
export interface KnownKey {
  /** The host name; `(hashed)` for a hashed known_hosts entry, whose name cannot be read back. */
  host: string;
  /** null when a known_hosts pattern names no single port (hashed, wildcard). */
  port: number | null;
  keyType: string;
  fingerprint: string;
  /** `stackdraft` for Stackdraft's own store, else `file:line` of the known_hosts entry. */
  source: string;
  removable: boolean;
  addedAt?: string;
}

interface StoreFile {
  version: 1;
  keys: TrustedKey[];
}

/**
 * Stackdraft's own host-key trust store (a JSON file in user data), seeded read-only from
 * OpenSSH known_hosts files. We never write to ~/.ssh: a key trusted here stays ours.
 */
export class TrustStore {
  private constructor(
    private readonly path: string | null,
    private keys: TrustedKey[],
    private readonly seeded: readonly { file: string; entries: KnownHostEntry[] }[],
  ) {}

  /**
   * `path` null keeps trust in memory only (tests, one-off CLI runs). A store file that
   * cannot be parsed is an error, never silently replaced: it would forget trusted keys.
   */
  static async open(path: string | null, knownHostsFiles: readonly string[] = []): Promise<TrustStore> {
    const keys = path === null ? [] : await readStore(path);
    const seeded = [];
    for (const file of knownHostsFiles) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      seeded.push({ file, entries: parseKnownHosts(text) });
    }
    return new TrustStore(path, keys, seeded);
  }

  /** Key types we already know for this host, so the handshake can ask for one of them. */
  knownKeyTypes(host: string, port: number): string[] {
    return [...new Set(this.candidates(host, port).map((c) => c.keyType))];
  }

  verify(host: string, port: number, keyBlob: Buffer): HostKeyVerdict {
    const presented = keyBlob.toString('base64');
    const fingerprint = fingerprintOf(keyBlob);
    const keyType = keyTypeOf(keyBlob);
    const candidates = this.candidates(host, port);
    if (candidates.some((c) => c.publicKey === presented)) return { status: 'trusted' };
    if (candidates.length === 0) return { status: 'unknown', fingerprint, keyType };
    return {
      status: 'changed',
      fingerprint,
      keyType,
      expected: candidates.map((c) => fingerprintOf(Buffer.from(c.publicKey, 'base64'))),
      source: candidates[0]!.source,
    };
  }

  /** Trusts a key the person confirmed by its fingerprint; replaces nothing already trusted. */
  async trust(host: string, port: number, keyBlob: Buffer): Promise<TrustedKey> {
    const key: TrustedKey = {
      host,
      port,
      keyType: keyTypeOf(keyBlob),
      publicKey: keyBlob.toString('base64'),
      fingerprint: fingerprintOf(keyBlob),
      addedAt: new Date().toISOString(),
    };
    if (!this.keys.some((k) => k.host === host && k.port === port && k.publicKey === key.publicKey)) {
      this.keys = [...this.keys, key];
      if (this.path !== null) await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, keys: this.keys } satisfies StoreFile, null, 2)}\n`, { backup: false });
    }
    return key;
  }

  /** Every key trusted here or read from a known_hosts file, with where it came from. */
  list(): KnownKey[] {
    const own = this.keys.map((k) => ({ host: k.host, port: k.port, keyType: k.keyType, fingerprint: k.fingerprint, source: 'stackdraft' as const, removable: true, addedAt: k.addedAt }));
    const fromFiles = this.seeded.flatMap(({ file, entries }) =>
      entries.map((e) => {
        const blob = Buffer.from(e.publicKey, 'base64');
        return { ...hostOfPatterns(e.patterns), keyType: e.keyType, fingerprint: fingerprintOf(blob), source: `${file}:${e.line}`, removable: false };
      }),
    );
    return [...own, ...fromFiles];
  }

  /** Forgets a key trusted here (known_hosts files are the user's: never written). Answers whether one was removed. */
  async remove(host: string, port: number, fingerprint: string): Promise<boolean> {
    const kept = this.keys.filter((k) => !(k.host === host && k.port === port && k.fingerprint === fingerprint));
    if (kept.length === this.keys.length) return false;
    this.keys = kept;
    if (this.path !== null) await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, keys: this.keys } satisfies StoreFile, null, 2)}\n`, { backup: false });
    return true;
  }

  private candidates(host: string, port: number): { keyType: string; publicKey: string; source: string }[] {
    const own = this.keys
      .filter((k) => k.host.toLowerCase() === host.toLowerCase() && k.port === port)
      .map((k) => ({ keyType: k.keyType, publicKey: k.publicKey, source: `Stackdraft's trust store (${this.path ?? 'memory'})` }));
    const fromFiles = this.seeded.flatMap(({ file, entries }) =>
      entries.filter((e) => entryMatches(e, host, port)).map((e) => ({ keyType: e.keyType, publicKey: e.publicKey, source: `${file}:${e.line}` })),
    );
    return [...own, ...fromFiles];
  }
}

async function readStore(path: string): Promise<TrustedKey[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: Partial<StoreFile>;
  try {
    parsed = JSON.parse(text) as Partial<StoreFile>;
  } catch (error) {
    throw new Error(`${path}: the host-key store is not valid JSON (${(error as Error).message}); fix or move it — it is never overwritten`, { cause: error });
  }
  if (parsed.version !== 1 || !Array.isArray(parsed.keys)) throw new Error(`${path}: not a Stackdraft host-key store (expected version 1 with a "keys" list)`);
  return parsed.keys;
}

/** `host`, `[host]:port` or `|1|…` patterns → what the dialog shows (first pattern only). */
function hostOfPatterns(patterns: readonly string[]): { host: string; port: number | null } {
  const first = patterns[0] ?? '';
  if (first.startsWith('|1|')) return { host: '(hashed)', port: null };
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(first);
  const host = patterns.length > 1 ? patterns.join(', ') : first;
  if (bracketed) return { host: patterns.length > 1 ? host : bracketed[1]!, port: Number(bracketed[2]) };
  return { host, port: /[*?]/.test(first) ? null : 22 };
}
