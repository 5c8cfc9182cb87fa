import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteMutations, hostileStructures, truncations, wrongTypes } from './cases';
import { seededRandom } from './random';
import { runCases } from './run-cases';

// The fast part of the loader fuzzing (`npm run reliability` runs every byte offset).
const examplesDir = join(import.meta.dirname, '../../../../resources/examples');
const examples = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.stackdraft.yaml'))
  .map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(join(examplesDir, file))) }));

const clean = (tally: ReturnType<typeof runCases>) => ({ crashes: tally.crashes, unhelpful: tally.unhelpful });

describe('the loader under hostile input', () => {
  it.each(examples)('$name cut short anywhere: refused with a line (and field), or a valid prefix', ({ name, bytes }) => {
    const tally = runCases(truncations(name, bytes, Math.ceil(bytes.length / 60)));
    expect(clean(tally)).toEqual({ crashes: [], unhelpful: [] });
    expect(tally.refused).toBeGreaterThan(tally.trials / 2);
  });

  it.each(examples)('$name with random byte damage and wrong-typed values: never crashes, always says where', ({ name, bytes }) => {
    const random = seededRandom(bytes.length);
    const text = new TextDecoder().decode(bytes);
    const tally = runCases(byteMutations(name, bytes, random, 25));
    runCases(wrongTypes(name, text, random, 60), tally);
    expect(clean(tally)).toEqual({ crashes: [], unhelpful: [] });
    expect(tally.refused).toBeGreaterThan(0);
  });

  it('deep nesting, alias bombs, bad encodings and a 100 MB file are refused with a reason', () => {
    const tally = runCases(hostileStructures());
    expect(clean(tally)).toEqual({ crashes: [], unhelpful: [] });
    expect(tally.loaded).toBe(0);
  });
});
