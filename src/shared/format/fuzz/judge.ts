import type { LoadResult } from '../load';

/**
 * How the loader treated one hostile input. It must never throw or hang; when it refuses
 * a file, the person must be told where: every problem carries a message and a line, and
 * a schema problem also names the field.
 */
export type Verdict =
  | { kind: 'loaded' }
  | { kind: 'refused' }
  | { kind: 'unhelpful'; why: string }
  | { kind: 'crashed'; why: string };

export function judgeLoad(load: () => LoadResult): Verdict {
  let result: LoadResult;
  try {
    result = load();
  } catch (error) {
    return { kind: 'crashed', why: (error as Error).stack ?? String(error) };
  }
  if (result.ok) return { kind: 'loaded' };
  if (result.problems.length === 0) return { kind: 'unhelpful', why: 'refused without a problem' };
  for (const problem of result.problems) {
    if (!problem.message.trim()) return { kind: 'unhelpful', why: `${problem.code} without a message` };
    if (problem.code === 'TOO_LARGE') continue; // the size is the whole story
    if (!(typeof problem.line === 'number' && problem.line >= 1)) return { kind: 'unhelpful', why: `no line: ${problem.message}` };
    if (problem.code === 'SCHEMA' && !problem.field) return { kind: 'unhelpful', why: `no field: ${problem.message}` };
  }
  return { kind: 'refused' };
}
