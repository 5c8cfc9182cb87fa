import type { ImportNote } from './report';

export interface SshConfigHost {
  /** The `Host` alias. */
  alias: string;
  address: string;
  port?: number;
  user?: string;
  identityFile?: string;
}

/**
 * Hosts from an OpenSSH client config (`~/.ssh/config`): each concrete `Host` alias with
 * its HostName, Port, User and IdentityFile. Wildcard patterns, `Match` blocks and
 * `Include` cannot become hosts and are listed in `notes` with their line.
 */
export function fromSshConfig(text: string): { hosts: SshConfigHost[]; notes: ImportNote[] } {
  const hosts: SshConfigHost[] = [];
  const notes: ImportNote[] = [];
  let current: SshConfigHost[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(\S+?)\s*(?:=\s*|\s+)(.*)$/.exec(line);
    if (!match) return;
    const key = match[1]!.toLowerCase();
    const value = match[2]!.replace(/^"(.*)"$/, '$1');
    const where = `line ${index + 1}`;
    if (key === 'host') {
      current = [];
      for (const alias of value.split(/\s+/)) {
        if (/[*?!]/.test(alias)) notes.push({ where, message: `pattern "${alias}" is not a single host; skipped` });
        else current.push({ alias, address: alias });
      }
      hosts.push(...current);
    } else if (key === 'match') {
      current = [];
      notes.push({ where, message: 'Match blocks are not read' });
    } else if (key === 'include') {
      notes.push({ where, message: `Include "${value}" is not followed; import that file too` });
    } else if (current.length > 0) {
      for (const host of current) {
        if (key === 'hostname') host.address = value;
        else if (key === 'port' && /^\d+$/.test(value)) host.port = Number(value);
        else if (key === 'user') host.user = value;
        else if (key === 'identityfile') host.identityFile ??= value;
      }
    }
  });
  return { hosts, notes };
}
