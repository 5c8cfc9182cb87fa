/** Parsers for compose's value formats; each returns undefined for what it cannot read. */

/** "512M", "1g", "1.5GB", 1048576 (bytes) → MiB. */
export function parseMemoryMiB(value: unknown): number | undefined {
  if (typeof value === 'number') return Math.max(1, Math.round(value / (1024 * 1024)));
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)b?\s*$/i.exec(value);
  if (!match) return undefined;
  const factor = { '': 1 / (1024 * 1024), b: 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 }[match[2]!.toLowerCase()]!;
  return Math.max(1, Math.round(Number(match[1]) * factor));
}

export function parseCpus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** "1m30s", "10s", "500ms" → seconds. */
export function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6 };
  let total = 0;
  let rest = value.trim();
  if (!rest) return undefined;
  while (rest) {
    const match = /^(\d+(?:\.\d+)?)(h|ms|us|m|s)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * units[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** Compose writes a literal `$` as `$$`. */
export function unescapeDollar(value: string): string {
  return value.replace(/\$\$/g, '$');
}

/** Splits a command string as a POSIX shell would for simple quoting; undefined when it uses more. */
export function splitCommand(command: string): string[] | undefined {
  if (/[|&;<>()`$\\]/.test(command.replace(/'[^']*'/g, ''))) return undefined;
  const parts: string[] = [];
  for (const match of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) parts.push(match[1] ?? match[2] ?? match[3]!);
  return parts;
}

export interface ParsedPort {
  container: number;
  published?: number;
  protocol: 'tcp' | 'udp';
  bind?: string;
}

/** "80", "8080:80", "127.0.0.1:8080:80/udp", or the long form. */
export function parsePort(value: unknown): ParsedPort | undefined {
  if (typeof value === 'number') return { container: value, protocol: 'tcp' };
  if (typeof value === 'string') {
    const match = /^(?:(?:(\[[^\]]+\]|[^:]+):)?(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(value.trim());
    if (!match) return undefined;
    return {
      container: Number(match[3]),
      ...(match[2] ? { published: Number(match[2]) } : {}),
      protocol: (match[4] as 'tcp' | 'udp' | undefined) ?? 'tcp',
      ...(match[1] ? { bind: match[1] } : {}),
    };
  }
  if (value && typeof value === 'object') {
    const p = value as Record<string, unknown>;
    const container = Number(p.target);
    if (!Number.isInteger(container)) return undefined;
    const published = p.published === undefined ? undefined : Number(p.published);
    if (published !== undefined && !Number.isInteger(published)) return undefined;
    return {
      container,
      ...(published !== undefined ? { published } : {}),
      protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
      ...(typeof p.host_ip === 'string' ? { bind: p.host_ip } : {}),
    };
  }
  return undefined;
}
