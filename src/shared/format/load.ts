import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, topologySchema, type Topology } from '../model';
import { isPlainObject } from './canonical';
import type { LoadProblem } from './errors';
import { formatFieldPath, locate } from './locate';
import { MIGRATIONS, OLDEST_SUPPORTED_VERSION } from './migrations';

/** Larger files are refused before parsing: no real topology comes near this. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_ALIASES = 100;
const MAX_PROBLEMS = 50;
/** Flow collections ([ ], { }) nested deeper than this are refused before parsing. */
const MAX_FLOW_DEPTH = 200;

export type LoadResult =
  | {
      ok: true;
      topology: Topology;
      /** The schemaVersion the file was written with. */
      fromVersion: number;
      /** A file from a newer Stackdraft is shown but never written back. */
      readOnly: boolean;
      notice?: string;
    }
  | { ok: false; problems: LoadProblem[] };

/** Decodes bytes as strict UTF-8 (pointing at the first bad byte) and loads them. */
export function loadTopologyBytes(bytes: Uint8Array): LoadResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return tooLarge(bytes.byteLength);
  try {
    return loadTopology(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({ code: 'YAML_SYNTAX', message: 'the file is not valid UTF-8 text', ...firstInvalidUtf8(bytes) });
  }
}

/** Parses, migrates and validates a `*.stackdraft.yaml` text. Never throws. */
export function loadTopology(text: string): LoadResult {
  if (text.length > MAX_FILE_BYTES) return tooLarge(text.length);
  const tooDeep = findRunawayNesting(text);
  if (tooDeep) return fail(tooDeep);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    return fail(
      ...doc.errors.slice(0, MAX_PROBLEMS).map((e): LoadProblem => ({
        code: 'YAML_SYNTAX',
        message: syntaxMessage(e.message.split('\n')[0] ?? e.message),
        line: e.linePos?.[0].line,
        column: e.linePos?.[0].col,
      })),
    );
  }
  const protoKey = findProtoKey(doc, lineCounter);
  if (protoKey) return fail(protoKey);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return fail(expansionProblem(doc, lineCounter, error as Error));
  }
  if (!isPlainObject(data)) {
    return fail({ code: 'NOT_A_TOPOLOGY', message: 'the file must be a YAML mapping that starts with schemaVersion', line: 1, column: 1 });
  }
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    return fail({
      code: 'NOT_A_TOPOLOGY',
      message: `schemaVersion must be a whole number from ${OLDEST_SUPPORTED_VERSION} to ${CURRENT_SCHEMA_VERSION}; is this a Stackdraft file?`,
      field: 'schemaVersion',
      ...(locate(doc, lineCounter, ['schemaVersion']) ?? { line: 1, column: 1 }),
    });
  }
  if (version > CURRENT_SCHEMA_VERSION) return loadNewer(doc, lineCounter, data, version);

  let migrated: Record<string, unknown> = data;
  try {
    for (const step of MIGRATIONS) if (step.from >= version) migrated = step.migrate(migrated);
  } catch (error) {
    return fail({ code: 'MIGRATION_FAILED', message: `cannot upgrade from schema ${version}: ${(error as Error).message}` });
  }
  const parsed = topologySchema.safeParse(migrated);
  if (!parsed.success) return fail(...schemaProblems(parsed.error, doc, lineCounter, data));
  return {
    ok: true,
    topology: parsed.data,
    fromVersion: version,
    readOnly: false,
    ...(version < CURRENT_SCHEMA_VERSION ? { notice: `Upgraded from schema ${version}; saving writes schema ${CURRENT_SCHEMA_VERSION}.` } : {}),
  };
}

/** A newer file is shown read-only when its content still fits this version's schema. */
function loadNewer(doc: Document, lineCounter: LineCounter, data: Record<string, unknown>, version: number): LoadResult {
  const parsed = topologySchema.safeParse({ ...data, schemaVersion: CURRENT_SCHEMA_VERSION });
  const newer = `written by a newer Stackdraft (schema ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION})`;
  if (!parsed.success) {
    const [first] = schemaProblems(parsed.error, doc, lineCounter, data);
    return fail({ ...first!, code: 'UNKNOWN_VERSION', message: `${newer} and uses what this version does not know: ${first!.message}` });
  }
  return { ok: true, topology: parsed.data, fromVersion: version, readOnly: true, notice: `This file was ${newer}; it is open read-only.` };
}

function schemaProblems(error: z.ZodError, doc: Document, lineCounter: LineCounter, data: unknown): LoadProblem[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    // An unknown key is best shown at the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
    const message = keys.length > 0 ? `unknown field "${keys.join('", "')}"` : issue.message;
    return {
      code: 'SCHEMA',
      message,
      field: formatFieldPath(data, path) || undefined,
      ...locate(doc, lineCounter, path),
    } satisfies LoadProblem;
  });
}

/** A `__proto__` key would silently vanish (or worse) when the YAML becomes an object. */
function findProtoKey(doc: Document, lineCounter: LineCounter): LoadProblem | undefined {
  let found: LoadProblem | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return undefined;
      const { line, col } = lineCounter.linePos(pair.key.range?.[0] ?? 0);
      found = { code: 'SCHEMA', message: '"__proto__" cannot be used as a key', line, column: col };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The parser recurses per level, so a file of nothing but brackets takes seconds and then
 * overflows the stack; a cheap scan refuses it first. Quotes are tracked only roughly,
 * within a line, which is plenty to tell a real file from a bracket bomb.
 */
function findRunawayNesting(text: string): LoadProblem | undefined {
  let depth = 0;
  let quote = '';
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      // An apostrophe in a comment or plain text must not hide the rest of the file.
      quote = '';
      line++;
      lineStart = i + 1;
    } else if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_FLOW_DEPTH) {
        return { code: 'YAML_SYNTAX', message: `brackets nest more than ${MAX_FLOW_DEPTH} levels deep; no topology needs that`, line, column: i - lineStart + 1 };
      }
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The parser reports runaway nesting as a stack overflow; say what it means instead. */
function syntaxMessage(message: string): string {
  return message.replace(/^Maximum call stack size exceeded/, 'the document nests too deeply to read');
}

/** Alias expansion fails as a whole; point at the first alias so the person can find it. */
function expansionProblem(doc: Document, lineCounter: LineCounter, error: Error): LoadProblem {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset ?? 0);
  const tooMany = /alias count/i.test(error.message);
  const message = tooMany
    ? `the file uses aliases (*name) more than ${MAX_ALIASES} times, which could expand without bound; write the values out instead`
    : `cannot expand the document: ${error.message}`;
  return { code: 'YAML_SYNTAX', message, line, column: col };
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Binary search for the longest prefix without an invalid byte; streaming mode lets a
  // prefix end inside a character, which keeps "valid prefix" monotonic.
  const validPrefix = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.byteLength;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (validPrefix(mid)) low = mid;
    else high = mid - 1;
  }
  const lines = new TextDecoder().decode(bytes.subarray(0, low)).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function tooLarge(size: number): LoadResult {
  return fail({ code: 'TOO_LARGE', message: `the file is ${(size / 1048576).toFixed(1)} MiB; Stackdraft opens files up to ${MAX_FILE_BYTES / 1048576} MiB` });
}

function fail(...problems: LoadProblem[]): LoadResult {
  return { ok: false, problems };
}
