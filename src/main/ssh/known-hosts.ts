import { createHash, createHmac } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  /** Comma-separated patterns, or one hashed `|1|salt|hash` entry. */
  readonly patterns: readonly string[];
  readonly keyType: string;
  /** The key blob, base64 as in the file. */
  readonly publicKey: string;
  /** 1-based line in its file, for messages. */
  readonly line: number;
}

/**
 * Parses known_hosts text: plain, hashed (`|1|…`) and `[host]:port` entries. Lines with
 * markers (`@cert-authority`, `@revoked`) are skipped: we trust plain host keys only,
 * and a revoked key simply stays untrusted.
 */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('@')) return;
    const [hosts, keyType, publicKey] = line.split(/\s+/);
    if (!hosts || !keyType || !publicKey || !/^[A-Za-z0-9+/]+=*$/.test(publicKey)) return;
    entries.push({ patterns: hosts.split(','), keyType, publicKey, line: index + 1 });
  });
  return entries;
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function hostLookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether an entry names this host and port (negated patterns win, as in OpenSSH). */
export function entryMatches(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = hostLookupName(host, port);
  let matched = false;
  for (const pattern of entry.patterns) {
    if (pattern.startsWith('|1|')) {
      if (hashedMatches(pattern, name)) matched = true;
    } else if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false;
    } else if (globMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

function hashedMatches(pattern: string, name: string): boolean {
  const [, , salt, hash] = pattern.split('|');
  if (!salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

function globMatches(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === name.toLowerCase();
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(name);
}

/** `SHA256:` + unpadded base64 of the blob's sha256: what `ssh-keygen -lf` prints. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type written at the start of an SSH public key blob (e.g. `ssh-ed25519`). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const length = keyBlob.readUInt32BE(0);
  return length > 0 && length < 64 && keyBlob.length >= 4 + length ? keyBlob.subarray(4, 4 + length).toString('ascii') : 'unknown';
}
