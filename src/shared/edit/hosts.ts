import { hostViewKey, nodeKey, type Host, type Topology } from '../model';
import type { HostFlavor } from '../catalog';
import { newHostId } from './ids';
import { pinPackedBoxes, setPositions } from './layout';
import { updateTier } from './tiers';

/** The environment new hosts join: the first production one, else the first, else a new "prod". */
function defaultEnvironment(topology: Topology): { topology: Topology; environmentId: string } {
  const env = topology.environments.find((e) => e.kind === 'production') ?? topology.environments[0];
  if (env) return { topology, environmentId: env.id };
  return {
    topology: { ...topology, environments: [...topology.environments, { id: 'prod', name: 'Production', kind: 'production', mayCall: [] }] },
    environmentId: 'prod',
  };
}

/** A new host of a flavor in one tier, at `position` on the canvas when given. */
export function addHost(
  topology: Topology,
  tierId: string,
  flavor: HostFlavor,
  position?: { x: number; y: number },
): { topology: Topology; hostId: string } | undefined {
  if (!topology.tiers.some((t) => t.id === tierId)) return undefined;
  const withEnv = defaultEnvironment(topology);
  const hostId = newHostId(withEnv.topology, `vm-${flavor.flavor}`);
  const host: Host = {
    id: hostId,
    name: hostId,
    environment: withEnv.environmentId,
    provider: flavor.provider,
    flavor: flavor.flavor,
    cpu: flavor.cpu,
    memoryMiB: flavor.memoryMiB,
    diskGiB: flavor.diskGiB,
    monthlyCost: flavor.monthlyCost,
    publicIp: false,
    role: 'active',
    dockerSocket: '/var/run/docker.sock',
  };
  // Pinned before the host joins: the packer would fit it in among them and shift the rest.
  const before = position ? pinPackedBoxes(withEnv.topology, hostViewKey(tierId)) : withEnv.topology;
  let next = updateTier(before, tierId, (t) => ({ ...t, hosts: [...t.hosts, host] }));
  if (position) next = setPositions(next, hostViewKey(tierId), { [nodeKey('host', hostId)]: position });
  return { topology: next, hostId };
}

export function updateHost(topology: Topology, tierId: string, hostId: string, patch: Partial<Omit<Host, 'id'>>): Topology {
  return updateTier(topology, tierId, (t) => {
    if (!t.hosts.some((h) => h.id === hostId)) return t;
    return { ...t, hosts: t.hosts.map((h) => (h.id === hostId ? { ...h, ...patch } : h)) };
  });
}
