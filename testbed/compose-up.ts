/**
 * Test-only: `docker-compose up` of one exported compose file on a testbed host, under a
 * project name of our own, then waits until every container reports healthy.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ComposeFile } from '../src/shared/export/compose';
import { parse } from 'yaml';
import type { TestbedHost } from './harness';

const run = promisify(execFile);

export interface ComposeUpResult {
  /** compose service name → health of each of its containers (`healthy`, `unhealthy`, `starting`, `none`). */
  health: Map<string, string[]>;
  /** compose service name → memory limit in bytes of its first container (0 = none). */
  memory: Map<string, number>;
}

export interface ComposeProject {
  /** `up -d` of the whole file, or only of `services` (compose also starts what they depend on). */
  up(services?: readonly string[]): Promise<ComposeUpResult>;
  down(): Promise<void>;
}

/** Writes the file (with test-only secret env files and bind sources) into `dir` and drives it on `host`. */
export async function composeProject(host: TestbedHost, file: Pick<ComposeFile, 'fileName' | 'text' | 'secretEnvFiles'>, project: string, dir: string): Promise<ComposeProject> {
  await mkdir(join(dir, 'secrets'), { recursive: true });
  for (const env of file.secretEnvFiles) await writeFile(join(dir, env.path), env.variables.map((v) => `${v.env}=test-only`).join('\n'));
  for (const source of bindSources(file.text)) await mkdir(source, { recursive: true });
  const path = join(dir, file.fileName);
  await writeFile(path, file.text);
  // No COMPOSE_PARALLEL_LIMIT: docker-compose 1.29 then deadlocks, its slots held by services waiting for healthy dependencies.
  // A longer HTTP timeout instead: on a busy two-core machine an engine call can take over the default 60 s.
  const env = { ...process.env, DOCKER_HOST: `unix://${host.dockerSocket}`, COMPOSE_HTTP_TIMEOUT: '180' };
  const compose = (...args: string[]) => run('docker-compose', ['-p', project, '-f', path, ...args], { env, cwd: dirname(path), timeout: 600_000, maxBuffer: 16 << 20 });
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${host.dockerSocket}`, ...args], { timeout: 60_000, maxBuffer: 16 << 20 });

  async function inspect(): Promise<ComposeUpResult> {
    const { stdout: ids } = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`);
    const health = new Map<string, string[]>();
    const memory = new Map<string, number>();
    if (ids.trim() === '') return { health, memory };
    const { stdout } = await docker('inspect', '--format', '{{index .Config.Labels "com.docker.compose.service"}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.HostConfig.Memory}}', ...ids.trim().split('\n'));
    for (const line of stdout.trim().split('\n')) {
      const [service, status, bytes] = line.split(' ') as [string, string, string];
      health.set(service, [...(health.get(service) ?? []), status]);
      if (!memory.has(service)) memory.set(service, Number(bytes));
    }
    return { health, memory };
  }

  async function disconnectLeftovers(): Promise<void> {
    const { stdout } = await docker('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`);
    for (const network of stdout.split('\n').filter(Boolean)) {
      const { stdout: names } = await docker('network', 'inspect', '--format', '{{range .Containers}}{{.Name}} {{end}}', network);
      for (const name of names.split(' ').filter(Boolean)) await docker('network', 'disconnect', '-f', network, name).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }

  return {
    async up(services = []) {
      // `up` itself waits for service_healthy before starting each dependent.
      await compose('up', '-d', '--quiet-pull', ...services);
      // The leaves nobody waited for may still be starting: poll until none is.
      for (;;) {
        const result = await inspect();
        const states = [...result.health.values()].flat();
        if (!states.includes('starting')) return result;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async down() {
      for (let attempt = 1; ; attempt++) {
        try {
          await compose('down', '-v', '--remove-orphans', '-t', '1');
          return;
        } catch (error) {
          // A busy dockerd can keep a removed container's endpoint on a network for a moment
          // ("has active endpoints"); force it off and take the rest down again.
          if (attempt === 3 || !/has active endpoints/.test(String((error as { stderr?: string }).stderr))) throw error;
          await disconnectLeftovers();
        }
      }
    },
  };
}

/**
 * What `up` proves of each service of a compose file: its entry together with the top-level
 * networks and volumes it names. Two files giving a service the same key start it the same way.
 */
export function serviceDefinitions(text: string): Map<string, string> {
  const compose = parse(text) as ComposeText;
  const definitions = new Map<string, string>();
  for (const [name, entry] of Object.entries(compose.services)) {
    const networks = (entry.networks ?? []).map((n) => [n, compose.networks?.[n]]);
    const volumes = (entry.volumes ?? []).filter((v) => v.type === 'volume' && v.source).map((v) => [v.source, compose.volumes?.[v.source!]]);
    definitions.set(name, JSON.stringify({ entry, networks, volumes }));
  }
  return definitions;
}

/** `services` and everything they depend on in the file, which `up SERVICE…` also starts. */
export function withDependencies(text: string, services: readonly string[]): Set<string> {
  const compose = parse(text) as ComposeText;
  const closure = new Set<string>();
  const visit = (name: string) => {
    if (closure.has(name)) return;
    closure.add(name);
    for (const dependency of Object.keys(compose.services[name]?.depends_on ?? {})) visit(dependency);
  };
  services.forEach(visit);
  return closure;
}

interface ComposeText {
  services: Record<string, { networks?: string[]; volumes?: { type: string; source?: string }[]; depends_on?: Record<string, unknown> }>;
  networks?: Record<string, unknown>;
  volumes?: Record<string, unknown>;
}

/** Bind mount sources of a compose file: they must exist, or the engine refuses the mount. */
function bindSources(text: string): string[] {
  const compose = parse(text) as ComposeText;
  return Object.values(compose.services).flatMap((s) => (s.volumes ?? []).filter((v) => v.type === 'bind' && v.source).map((v) => v.source!));
}
