/** Parsing what people type in the inspector: a value, or a sentence saying what is wrong. */
export type Parsed<T> = { value: T } | { error: string };

const MEMORY_UNITS: Record<string, number> = { '': 1, m: 1, mb: 1, mi: 1, mib: 1, g: 1024, gb: 1024, gi: 1024, gib: 1024, t: 1024 * 1024, tib: 1024 * 1024 };

/** "512", "512 MiB", "1.5 GiB", "2G" → MiB (a whole number). Empty → undefined when optional. */
export function parseMemory(text: string, optional = false): Parsed<number | undefined> {
  const t = text.trim().toLowerCase().replace(',', '.');
  if (t === '') return optional ? { value: undefined } : { error: 'needs a size, e.g. 512 MiB or 2 GiB' };
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(t);
  const factor = match ? MEMORY_UNITS[match[2]!] : undefined;
  if (!match || factor === undefined) return { error: 'must be a size like 512 MiB or 2 GiB' };
  const mib = Number(match[1]) * factor;
  if (!Number.isInteger(mib)) return { error: 'must come to a whole number of MiB' };
  if (mib <= 0) return { error: 'must be more than 0' };
  return { value: mib };
}

/** MiB as people write it: whole GiB as GiB, else MiB. */
export function memoryText(mib: number | undefined): string {
  if (mib === undefined) return '';
  return mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`;
}

/** "0.5", "500m" (millicores, as Kubernetes writes them) → cores. */
export function parseCores(text: string, optional = false): Parsed<number | undefined> {
  const t = text.trim().toLowerCase().replace(',', '.');
  if (t === '') return optional ? { value: undefined } : { error: 'needs a number of cores, e.g. 0.5' };
  const milli = /^(\d+)\s*m$/.exec(t);
  const value = milli ? Number(milli[1]) / 1000 : /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(value)) return { error: 'must be a number of cores like 0.5 or 500m' };
  if (value <= 0) return { error: 'must be more than 0 cores' };
  if (value > 1024) return { error: 'must be at most 1024 cores' };
  return { value };
}

/** A plain number with bounds. */
export function parseNumber(text: string, options: { min?: number; max?: number; integer?: boolean; optional?: boolean } = {}): Parsed<number | undefined> {
  const t = text.trim().replace(',', '.');
  if (t === '') return options.optional ? { value: undefined } : { error: 'needs a number' };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: 'must be a number' };
  const value = Number(t);
  if (options.integer && !Number.isInteger(value)) return { error: 'must be a whole number' };
  if (options.min !== undefined && value < options.min) return { error: `must be at least ${options.min}` };
  if (options.max !== undefined && value > options.max) return { error: `must be at most ${options.max}` };
  return { value };
}
