import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTopology } from '../../src/shared/format';
import type { Topology } from '../../src/shared/model';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../resources/examples');

export interface ExampleFile {
  id: string;
  name: string;
  file: string;
  text: string;
  topology: Topology;
}

/** The bundled examples as the tests expect to see them, read straight from disk. */
export function loadExamples(): ExampleFile[] {
  const catalog = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'catalog.json'), 'utf8')) as { id: string; name: string; file: string }[];
  return catalog.map((entry) => {
    const text = readFileSync(join(EXAMPLES_DIR, entry.file), 'utf8');
    const loaded = loadTopology(text);
    if (!loaded.ok) throw new Error(`example ${entry.id} does not load`);
    return { ...entry, text, topology: loaded.topology };
  });
}
