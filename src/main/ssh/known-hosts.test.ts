import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryMatches, fingerprintOf, keyTypeOf, parseKnownHosts } from './known-hosts';

const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

describe('known_hosts parser', () => {
  it('reads plain, [host]:port and comma lists, skipping comments, markers and junk', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        `db.example,192.0.2.10 ssh-ed25519 ${ED25519} me@laptop`,
        `[git.example]:2222 ssh-ed25519 ${ED25519}`,
        `@revoked bad.example ssh-ed25519 ${ED25519}`,
        'broken line',
        '',
      ].join('\n'),
    );
    expect(entries.map((e) => e.line)).toEqual([2, 3]);
    const [plain, withPort] = entries;
    expect(entryMatches(plain!, '192.0.2.10', 22)).toBe(true);
    expect(entryMatches(plain!, 'DB.example', 22)).toBe(true);
    expect(entryMatches(plain!, 'db.example', 2222)).toBe(false);
    expect(entryMatches(withPort!, 'git.example', 2222)).toBe(true);
    expect(entryMatches(withPort!, 'git.example', 22)).toBe(false);
  });

  it('matches entries hashed by the real ssh-keygen -H, on port 22 and on other ports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-kh-'));
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `app.example ssh-ed25519 ${ED25519}\n[app.example]:2200 ssh-ed25519 ${ED25519}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashed = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(hashed.every((e) => e.patterns[0]!.startsWith('|1|'))).toBe(true);
    expect(entryMatches(hashed[0]!, 'app.example', 22)).toBe(true);
    expect(entryMatches(hashed[0]!, 'other.example', 22)).toBe(false);
    expect(entryMatches(hashed[1]!, 'app.example', 2200)).toBe(true);
    expect(entryMatches(hashed[1]!, 'app.example', 22)).toBe(false);
  });

  it('honours wildcards and negations', () => {
    const [entry] = parseKnownHosts(`*.example,!secret.example ssh-ed25519 ${ED25519}`);
    expect(entryMatches(entry!, 'web.example', 22)).toBe(true);
    expect(entryMatches(entry!, 'secret.example', 22)).toBe(false);
  });

  it('prints the same fingerprint as ssh-keygen -lf', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-fp-'));
    const file = join(dir, 'key.pub');
    writeFileSync(file, `ssh-ed25519 ${ED25519} test\n`);
    const printed = execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' }).split(' ')[1];
    const blob = Buffer.from(ED25519, 'base64');
    expect(fingerprintOf(blob)).toBe(printed);
    expect(keyTypeOf(blob)).toBe('ssh-ed25519');
  });
});
