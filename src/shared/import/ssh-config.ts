import { hostSchema, slugify, type Host, type Topology } from '../model';
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

/**
 * Adds hosts read from an ssh config to a tier (placeholder size 2 vCPU / 4 GiB, the
 * tier's first environment); aliases already used as host ids are skipped with a note.
 */
export function addSshHosts(topology: Topology, tierId: string, hosts: readonly SshConfigHost[]): { topology: Topology; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const tier = topology.tiers.find((t) => t.id === tierId);
  if (!tier) throw new Error(`no tier "${tierId}"; the file has ${topology.tiers.map((t) => `"${t.id}"`).join(', ') || 'no tiers'}`);
  const environment = tier.hosts[0]?.environment ?? topology.environments[0]?.id;
  if (!environment) throw new Error('the file has no environment to put the hosts in');
  const taken = new Set(tier.hosts.map((h) => h.id));
  const added: Host[] = [];
  for (const entry of hosts) {
    const id = slugify(entry.alias);
    if (taken.has(id)) {
      notes.push({ where: `Host ${entry.alias}`, message: `tier "${tierId}" already has a host "${id}"; skipped` });
      continue;
    }
    const parsed = hostSchema.safeParse({
      id,
      name: entry.alias,
      environment,
      cpu: 2,
      memoryMiB: 4096,
      ssh: { address: entry.address, ...(entry.port ? { port: entry.port } : {}), ...(entry.user ? { user: entry.user } : {}), ...(entry.identityFile ? { identityFile: entry.identityFile } : {}) },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      notes.push({ where: `Host ${entry.alias}`, message: `${issue.path.join('.')} ${issue.message}; skipped` });
      continue;
    }
    taken.add(id);
    added.push(parsed.data);
    notes.push({ where: `Host ${entry.alias}`, message: 'added with a placeholder size (2 vCPU, 4 GiB): set the real one' });
  }
  return { topology: { ...topology, tiers: topology.tiers.map((t) => (t.id === tierId ? { ...t, hosts: [...t.hosts, ...added] } : t)) }, notes };
}
