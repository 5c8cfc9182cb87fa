import type { z } from 'zod';

/**
 * The canonical form of a parsed document: keys in schema order, and every value that
 * equals its schema default left out. Writing this form keeps files short, makes the
 * key order stable, and makes load → save byte-identical for files written by us.
 */
export function canonicalize(value: unknown, schema: z.ZodType): unknown {
  const def = schema._zod.def as unknown as ZodDefLike;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return value === undefined ? undefined : canonicalize(value, def.innerType!);
    case 'pipe':
      return canonicalize(value, def.out!);
    case 'object':
      return isPlainObject(value) ? canonicalObject(value, def.shape!) : value;
    case 'array':
      return Array.isArray(value) ? value.map((item) => canonicalize(item, def.element!)) : value;
    case 'record':
      return isPlainObject(value) ? mapValues(value, (v) => canonicalize(v, def.valueType!)) : value;
    case 'union':
      return canonicalize(value, def.options!.find((option) => option.safeParse(value).success) ?? def.options![0]!);
    default:
      return value;
  }
}

interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  defaultValue?: unknown;
}

function canonicalObject(value: Record<string, unknown>, shape: Record<string, z.ZodType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const fieldValue = value[key];
    if (fieldValue === undefined || equalsDefault(fieldValue, fieldSchema)) continue;
    out[key] = canonicalize(fieldValue, fieldSchema);
  }
  return out;
}

function equalsDefault(value: unknown, schema: z.ZodType): boolean {
  const def = schema._zod.def as unknown as ZodDefLike;
  if (def.type !== 'default') return false;
  return deepEqual(value, def.defaultValue);
}

function mapValues(value: Record<string, unknown>, fn: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = fn(v);
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality for JSON-like data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return keysA.length === keysB.length && keysA.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
