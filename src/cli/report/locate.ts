import { LineCounter, parseDocument } from 'yaml';
import { locate, type SourcePosition } from '../../shared/format/locate';

/** Line and column of data paths in a YAML text: parsed once, asked many times. */
export function sourceLocator(text: string | undefined): (path: readonly (string | number)[]) => SourcePosition | undefined {
  if (text === undefined) return () => undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => locate(doc, lineCounter, path);
}
