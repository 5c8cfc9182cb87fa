import type Docker from 'dockerode';
import { KEPT_SUFFIX, LABEL, lockName, PREVIOUS_SUFFIX } from './labels';
import type { RunningContainer, RunningHost } from './plan';

/** Everything of `project` on one host, found by labels (never by name alone). */
export async function readHostState(docker: Docker, project: string, images: readonly string[]): Promise<RunningHost> {
  const filters = JSON.stringify({ label: [`${LABEL.project}=${project}`] });
  const [containers, networks, volumes, lock] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
    readLock(docker, project),
  ]);
  const present = new Set<string>();
  await Promise.all(
    [...new Set(images)].map(async (image) => {
      if (await docker.getImage(image).inspect().then(() => true, () => false)) present.add(image);
    }),
  );
  return {
    containers: containers.filter((c) => c.Labels[LABEL.service] !== undefined).map(toRunning),
    networks: networks.map((n) => n.Name),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name),
    images: present,
    lock,
  };
}

function toRunning(c: Docker.ContainerInfo): RunningContainer {
  const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
  const healthMatch = /\((healthy|unhealthy|health: starting)\)/.exec(c.Status);
  let summary: Record<string, string> = {};
  try {
    summary = JSON.parse(c.Labels[LABEL.spec] ?? '{}') as Record<string, string>;
  } catch {
    // A hand-edited label: the hash still decides, the reason just says less.
  }
  return {
    id: c.Id,
    name,
    service: c.Labels[LABEL.service]!,
    replica: Number(c.Labels[LABEL.replica] ?? 1),
    hash: c.Labels[LABEL.configHash] ?? '',
    summary,
    state: c.State,
    health: healthMatch ? healthMatch[1]!.replace('health: ', '') : undefined,
    previous: name.endsWith(PREVIOUS_SUFFIX),
    kept: name.endsWith(KEPT_SUFFIX),
    generation: c.Labels[LABEL.generation] ?? '',
    createdAt: new Date(c.Created * 1000).toISOString(),
  };
}

async function readLock(docker: Docker, project: string): Promise<RunningHost['lock']> {
  try {
    const info = await docker.getContainer(lockName(project)).inspect();
    return { holder: info.Config.Labels[LABEL.lockHolder] ?? 'unknown', since: info.Config.Labels[LABEL.lockSince] ?? info.Created };
  } catch {
    return undefined;
  }
}
