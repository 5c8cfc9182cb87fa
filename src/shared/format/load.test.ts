import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './errors';
import { loadTopology, loadTopologyBytes, MAX_FILE_BYTES } from './load';
import { serializeTopology } from './save';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const minimal = 'schemaVersion: 2\nproject: demo\nname: Demo\n';

function problemsOf(text: string) {
  const result = loadTopology(text);
  if (result.ok) throw new Error('expected the load to fail');
  return result.problems;
}

describe('loadTopology — versions and migrations', () => {
  it('round-trips the current-version fixture byte for byte', () => {
    const text = fixture('v2.stackdraft.yaml');
    const result = loadTopology(text);
    expect(result.ok && serializeTopology(result.topology)).toBe(text);
  });

  it('migrates a schema 1 file to the same document as its schema 2 twin', () => {
    const v1 = loadTopology(fixture('v1.stackdraft.yaml'));
    const v2 = loadTopology(fixture('v2.stackdraft.yaml'));
    expect(v1.ok && v2.ok).toBe(true);
    if (!v1.ok || !v2.ok) return;
    expect(v1.topology).toEqual(v2.topology);
    expect(v1.fromVersion).toBe(1);
    expect(v1.readOnly).toBe(false);
    expect(v1.notice).toContain('Upgraded from schema 1');
    expect(serializeTopology(v1.topology)).toBe(fixture('v2.stackdraft.yaml'));
  });

  it('opens a newer file read-only when its content is understood', () => {
    const result = loadTopology(fixture('v3-future.stackdraft.yaml'));
    expect(result.ok && result.readOnly).toBe(true);
    expect(result.ok && result.notice).toContain('newer Stackdraft (schema 3');
  });

  it('refuses a newer file with fields it does not know, naming the field', () => {
    const [problem] = problemsOf(fixture('v3-future-unknown.stackdraft.yaml'));
    expect(problem?.code).toBe('UNKNOWN_VERSION');
    expect(problem?.field).toBe('services[0] (web).autoscale');
    expect(problem?.line).toBe(9);
  });

  it('rejects a missing or nonsensical schemaVersion', () => {
    expect(problemsOf('project: demo\nname: Demo\n')[0]?.code).toBe('NOT_A_TOPOLOGY');
    expect(problemsOf('schemaVersion: two\nproject: demo\n')[0]).toMatchObject({ code: 'NOT_A_TOPOLOGY', line: 1 });
    expect(problemsOf('- just\n- a list\n')[0]?.code).toBe('NOT_A_TOPOLOGY');
  });
});

describe('loadTopology — bad input says what and where', () => {
  it('reports a YAML syntax error with line and column', () => {
    const [problem] = problemsOf(`${minimal}services:\n  - id: web\n    ports: [80\n`);
    expect(problem).toMatchObject({ code: 'YAML_SYNTAX' });
    expect(problem?.line).toBeGreaterThanOrEqual(5);
  });

  it('reports a wrong type at the field, with the item id', () => {
    const text = `${minimal}tiers:\n  - id: a\n    name: A\n    hosts:\n      - id: h1\n        name: h1\n        environment: prod\n        cpu: lots\n        memoryMiB: 1024\n`;
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ code: 'SCHEMA', field: 'tiers[0] (a).hosts[0] (h1).cpu', line: 11, column: 9 });
    expect(formatProblem(problem!, 'x.stackdraft.yaml')).toMatch(/^x\.stackdraft\.yaml:11:9 tiers\[0\] \(a\)\.hosts\[0\] \(h1\)\.cpu: /);
  });

  it('reports an unknown key at the key (typos are not silently dropped)', () => {
    const [problem] = problemsOf(`${minimal}services:\n  - id: web\n    name: web\n    kind: app\n    imgae: nginx\n`);
    expect(problem?.field).toBe('services[0] (web).imgae');
    expect(problem?.line).toBe(8);
  });

  it('reports a bad Docker name clearly', () => {
    const [problem] = problemsOf(`${minimal}services:\n  - id: web\n    name: "web server"\n    kind: app\n    image: nginx\n`);
    expect(problem?.message).toContain('Docker container or network name');
  });

  it('reports duplicate ids at the second occurrence', () => {
    const service = (id: string) => `  - {id: ${id}, name: ${id}-x, kind: app, image: nginx}\n`;
    const problems = problemsOf(`${minimal}services:\n${service('web')}${service('api')}${service('web')}`);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'services[2] (web).id', message: 'duplicate service "web"', line: 7 }));
  });

  it('fails every truncation of a valid file with a position, never a throw', () => {
    const text = fixture('v2.stackdraft.yaml');
    for (let cut = 0; cut < text.length; cut += 7) {
      const result = loadTopology(text.slice(0, cut));
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });

  it('refuses runaway bracket nesting before parsing, at the line where it goes too deep', () => {
    const [problem] = problemsOf(`schemaVersion: 2\nname: x\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(problem).toMatchObject({ code: 'YAML_SYNTAX', line: 3 });
    expect(problem?.message).toContain('nest more than 200 levels');
  });

  it('stops a YAML alias bomb', () => {
    const bomb = ['schemaVersion: 2', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const [problem] = problemsOf(`${bomb.join('\n')}\n`);
    expect(problem?.message).toContain('more than 100 times');
    expect(problem?.line).toBe(3) // the first alias, on the "b:" line;
  });

  it('points at the first invalid UTF-8 byte', () => {
    const bytes = new TextEncoder().encode(`${minimal}description: caf`);
    const bad = new Uint8Array([...bytes, 0xff, 0x0a]);
    const result = loadTopologyBytes(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ message: 'the file is not valid UTF-8 text', line: 4, column: 17 });
  });

  it('refuses an oversized file before parsing it', () => {
    const result = loadTopologyBytes(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(!result.ok && result.problems[0]?.code).toBe('TOO_LARGE');
  });
});

describe('loadTopology — keys JavaScript cannot hold', () => {
  it('refuses a __proto__ environment variable instead of silently dropping it', () => {
    const problems = problemsOf(`${minimal}services:\n  - id: web\n    name: web\n    kind: app\n    image: nginx\n    env:\n      __proto__: x\n`);
    expect(problems.map((p) => p.message).join(' ')).toContain('__proto__');
  });
});
