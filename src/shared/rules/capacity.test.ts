import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

/** The sample with its one small host made big enough for everything it runs. */
function roomy() {
  const topology = sampleTopology();
  Object.assign(topology.tiers[0]!.hosts[0]!, { cpu: 8, memoryMiB: 16384 });
  return topology;
}

describe('capacity', () => {
  it('is quiet while every host is under 80 %', () => {
    expect(findingsOf('capacity', roomy(), ['small'])).toEqual([]);
  });

  it('warns at 80 % and reports requests and limits separately, with the host to select', () => {
    const topology = roomy();
    // 8 vCPU: proxy requests 0.25 + shop 2 × 3.075 = 6.4 (80 %); limits 0.5 + 2 × 3.1 + db 2 = 8.7 (109 %).
    topology.services.find((s) => s.id === 'shop')!.resources.cpu = { request: 3.075, limit: 3.1 };
    const found = findingsOf('capacity', topology, ['small']);
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'one: CPU requests 6.4 vCPU of 8 vCPU (80 %)'],
      ['error', 'one: CPU limits 8.7 vCPU of 8 vCPU (109 %)'],
    ]);
    expect(found[0]!.targets).toEqual([{ kind: 'host', id: 'one', tier: 'small' }]);
    expect(found[0]!.path).toEqual(['tiers', 0, 'hosts', 0]);
  });

  it('counts replicas, and per-tier overrides of them', () => {
    const topology = sampleTopology();
    // large/web: shop ×4 at 1024 MiB limit + proxy 256 = 4352 of 8192; at ×8 it is 8448 (103 %).
    topology.tiers[1]!.placements[1]!.replicas = 8;
    expect(findingsOf('capacity', topology, ['large']).map((f) => f.message)).toContain('web: memory limits 8.25 GiB of 8 GiB (103 %)');
  });

  it('compares volume sizes with the host disk when both are given', () => {
    const topology = sampleTopology();
    topology.tiers[0]!.hosts[0]!.diskGiB = 40;
    topology.services.find((s) => s.id === 'db')!.volumes = [{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql', readOnly: false, sizeGiB: 50 }];
    expect(findingsOf('capacity', topology, ['small']).find((f) => f.message.includes('disk'))).toMatchObject({
      severity: 'error',
      message: 'one: volumes 50 GiB of 40 GiB disk (125 %)',
    });
  });

  it('ignores standby hosts: they run nothing until swapped in', () => {
    const topology = sampleTopology();
    topology.tiers[0]!.hosts[0]!.cpu = 0.5;
    expect(findingsOf('capacity', topology, ['small'])).not.toEqual([]);
    topology.tiers[0]!.hosts[0]!.role = 'standby';
    expect(findingsOf('capacity', topology, ['small'])).toEqual([]);
  });
});
