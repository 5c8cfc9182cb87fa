import { parseDocument, stringify } from 'yaml';
import type { Random } from './random';

/** One hostile input: a name to report it by and the bytes a person might open. */
export interface FuzzCase {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** The file cut short at every `stride`-th byte from `first` on (1 = every byte offset; several processes can share one file's offsets). */
export function* truncations(name: string, bytes: Uint8Array, stride = 1, first = 0): Generator<FuzzCase> {
  for (let end = first; end < bytes.length; end += stride) yield { name: `${name} cut at byte ${end}`, bytes: bytes.subarray(0, end) };
}

/** Byte-level damage: flips, deletions, insertions, duplicated and swapped lines. */
export function* byteMutations(name: string, bytes: Uint8Array, random: Random, count: number): Generator<FuzzCase> {
  const nasty = encoder.encode(': - [ ] { } & * ! | > % @ ` " \' # \t \0 \u2028 \uFEFF');
  for (let i = 0; i < count; i++) {
    const copy = Array.from(bytes);
    const edits = 1 + random.int(4);
    for (let e = 0; e < edits && copy.length > 0; e++) {
      const at = random.int(copy.length);
      switch (random.int(4)) {
        case 0:
          copy[at] = random.int(256);
          break;
        case 1:
          copy.splice(at, 1 + random.int(16));
          break;
        case 2:
          copy.splice(at, 0, random.pick(Array.from(nasty)));
          break;
        default: {
          const span = copy.slice(at, at + 1 + random.int(200));
          copy.splice(random.int(copy.length), 0, ...span);
        }
      }
    }
    yield { name: `${name} byte mutation #${i}`, bytes: Uint8Array.from(copy) };
  }
}

const WRONG_VALUES: readonly unknown[] = [null, true, 0, -1, 1.5, 1e308, '', 'x'.repeat(300), [], [1, 'a'], {}, { nested: { deep: [] } }, '../../etc/passwd', '$(touch /tmp/pwned)'];

/** Valid YAML with one value replaced by one of the wrong type, anywhere in the tree. */
export function* wrongTypes(name: string, text: string, random: Random, count: number): Generator<FuzzCase> {
  const original = parseDocument(text).toJS() as unknown;
  for (let i = 0; i < count; i++) {
    const copy = structuredClone(original);
    const slots = collectSlots(copy);
    const slot = random.pick(slots);
    slot.holder[slot.key] = structuredClone(random.pick(WRONG_VALUES));
    yield { name: `${name} wrong type at ${slot.path}`, bytes: encoder.encode(stringify(copy)) };
  }
}

interface Slot {
  holder: Record<string | number, unknown>;
  key: string | number;
  path: string;
}

function collectSlots(value: unknown, path = '', slots: Slot[] = []): Slot[] {
  if (value === null || typeof value !== 'object') return slots;
  const holder = value as Record<string | number, unknown>;
  for (const key of Object.keys(holder)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    slots.push({ holder, key: Array.isArray(value) ? Number(key) : key, path: childPath });
    collectSlots(holder[key], childPath, slots);
  }
  return slots;
}

/** Inputs built to hurt a parser: depth, alias expansion, bad encodings, odd bytes. */
export function* hostileStructures(): Generator<FuzzCase> {
  const text = (name: string, content: string): FuzzCase => ({ name, bytes: encoder.encode(content) });
  for (const depth of [100, 1_000, 10_000, 100_000]) {
    yield text(`flow nesting ${depth} deep`, `schemaVersion: 2\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    yield text(`mapping nesting ${depth} deep`, `schemaVersion: 2\nname: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
  }
  let block = 'schemaVersion: 2\nlayout:\n';
  for (let i = 1; i <= 2_000; i++) block += `${' '.repeat(i)}k:\n`;
  yield text('block nesting 2000 deep', block);
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [from, to] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    laughs.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`);
  }
  yield text('billion laughs alias bomb', `schemaVersion: 2\n${laughs.join('\n')}\n`);
  yield text('alias cycle via merge keys', 'schemaVersion: 2\nx: &x {<<: *x}\n');
  yield text('unknown tags', 'schemaVersion: !!binary aGVsbG8=\nname: !ruby/object {}\n');
  yield text('duplicate keys', 'schemaVersion: 2\nname: a\nname: b\n');
  yield text('only a BOM', '\uFEFF');
  yield text('NUL bytes', 'schemaVersion: 2\nname: "a\0b"\n\0\0\0');
  yield text('CRLF and lone CR', 'schemaVersion: 2\r\nname: x\rproject: y\r\n');
  yield text('a scalar, not a mapping', '42\n');
  yield text('a list, not a mapping', '- schemaVersion: 2\n');
  yield text('many documents', 'schemaVersion: 2\n---\nschemaVersion: 2\n');
  yield text('ten thousand services of garbage', `schemaVersion: 2\nservices:\n${'  - {id: "$(x)", name: "../..", kind: 7}\n'.repeat(10_000)}`);
  yield { name: 'invalid UTF-8 (lone continuation byte)', bytes: Uint8Array.from([...encoder.encode('schemaVersion: 2\nname: '), 0x80, 0x0a]) };
  yield { name: 'invalid UTF-8 (truncated sequence)', bytes: Uint8Array.from([...encoder.encode('schemaVersion: 2\nname: caf'), 0xc3]) };
  yield { name: 'invalid UTF-8 (overlong slash)', bytes: Uint8Array.from([...encoder.encode('schemaVersion: 2\nname: '), 0xc0, 0xaf, 0x0a]) };
  yield { name: 'UTF-16 file', bytes: Uint8Array.from([0xff, 0xfe, ...Array.from(encoder.encode('schemaVersion: 2\n')).flatMap((b) => [b, 0])]) };
  yield { name: '100 MB file', bytes: new Uint8Array(100 * 1024 * 1024).fill(0x61) };
}
