import Docker from 'dockerode';
import type { Testbed } from '../../../testbed/harness';
import { SshPool } from '../ssh/pool';
import { TrustStore } from '../ssh/trust-store';
import { DeployEngine } from './engine';
import { LABEL } from './labels';
import { fourServiceTopology, type TestTopologyOptions } from './test-topology';

/** Docker of a testbed host straight through its socket (the namespaces share the file system): the test's own eyes. */
export function directDocker(testbed: Testbed, index: number): Docker {
  return new Docker({ socketPath: testbed.hosts[index]!.dockerSocket });
}

export async function engineFor(testbed: Testbed, options: { keepAliveIntervalMs?: number } = {}): Promise<{ engine: DeployEngine; pool: SshPool }> {
  const pool = new SshPool({ trust: await TrustStore.open(null, [testbed.knownHostsFile]), agentSocket: '', ...options });
  return { engine: new DeployEngine({ pool, secrets: { valueOf: async () => undefined }, holder: 'vitest' }), pool };
}

export function topologyOn(testbed: Testbed, options: Omit<TestTopologyOptions, 'hosts' | 'identityFile'>) {
  return fourServiceTopology({ ...options, hosts: testbed.hosts, identityFile: testbed.identityFile, image: testbed.image });
}

/** Everything of a project on every host, including leftovers a broken deploy might leave. */
export async function projectContainers(testbed: Testbed, project: string): Promise<{ host: string; name: string; id: string; state: string }[]> {
  const all = await Promise.all(
    testbed.hosts.map(async (h, i) => {
      const list = await directDocker(testbed, i).listContainers({ all: true, filters: JSON.stringify({ label: [`${LABEL.project}=${project}`] }) });
      return list.map((c) => ({ host: h.name, name: c.Names[0]!.slice(1), id: c.Id, state: c.State }));
    }),
  );
  return all.flat().sort((a, b) => a.name.localeCompare(b.name));
}

/** Removes only this project's containers, networks and volumes (other engineers share the hosts). */
export async function removeProject(testbed: Testbed, project: string): Promise<void> {
  const filters = JSON.stringify({ label: [`${LABEL.project}=${project}`] });
  await Promise.all(
    testbed.hosts.map(async (_h, i) => {
      const docker = directDocker(testbed, i);
      for (const c of await docker.listContainers({ all: true, filters })) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
      for (const n of await docker.listNetworks({ filters })) await docker.getNetwork(n.Id).remove().catch(() => undefined);
      for (const v of (await docker.listVolumes({ filters })).Volumes ?? []) await docker.getVolume(v.Name).remove().catch(() => undefined);
    }),
  );
}

export const uniqueProject = (what: string): string => `sdtest-${what}-${process.pid.toString(36)}`;
