import { describe, expect, it } from 'vitest';
import { capacityLevel, effectiveReplicas, effectiveResources, tierCapacity, tierSummary } from './capacity';
import { sampleTopology } from '../view/testing';

const topology = sampleTopology();
const tier = (id: string) => topology.tiers.find((t) => t.id === id)!;

describe('capacityLevel', () => {
  it('turns amber at 80 % and red only above 100 %', () => {
    expect(capacityLevel(0.79)).toBe('ok');
    expect(capacityLevel(0.8)).toBe('warning');
    expect(capacityLevel(1)).toBe('warning');
    expect(capacityLevel(1.0001)).toBe('error');
  });
});

describe('effectiveResources', () => {
  it('lets a placement override one field and keeps the others from the service', () => {
    const service = { resources: { cpu: { request: 0.5, limit: 1 }, memoryMiB: { limit: 512 } } };
    expect(effectiveResources(service, { resources: { cpu: { limit: 3 } } })).toEqual({
      cpu: { request: 0.5, limit: 3 },
      memoryMiB: { limit: 512 },
    });
  });

  it('uses the service resources when there is no override', () => {
    const service = { resources: { cpu: { limit: 1 } } };
    expect(effectiveResources(service, undefined)).toBe(service.resources);
    expect(effectiveResources(service, {})).toBe(service.resources);
  });
});

describe('effectiveReplicas', () => {
  it('prefers the placement, including an explicit 0', () => {
    expect(effectiveReplicas({ replicas: 2 }, {})).toBe(2);
    expect(effectiveReplicas({ replicas: 2 }, { replicas: 0 })).toBe(0);
  });
});

describe('tierCapacity', () => {
  it('sums requests and limits times replicas against the host', () => {
    const one = tierCapacity(topology, tier('small')).get('one')!;
    // proxy 0.25/0.5, shop 2 × 0.5/1, db –/2
    expect(one.cpu).toMatchObject({ request: 1.25, limit: 4.5, capacity: 2, withoutRequest: 1, withoutLimit: 0, level: 'error' });
    expect(one.cpu.requestRatio).toBeCloseTo(0.625);
    // proxy 128/256, shop 2 × 512/1024, db 1024/2048
    expect(one.memoryMiB).toMatchObject({ request: 2176, limit: 4352, capacity: 4096, level: 'error' });
    expect(one.services).toBe(3);
    expect(one.containers).toBe(4);
  });

  it('respects per-tier replica and resource overrides', () => {
    const capacity = tierCapacity(topology, tier('large'));
    const web = capacity.get('web')!;
    // proxy 0.25/0.5 + shop 4 × 0.5/1
    expect(web.cpu).toMatchObject({ request: 2.25, limit: 4.5, level: 'error' });
    const data = capacity.get('data')!;
    // db overridden to 1/4 cpu; nightly declares nothing
    expect(data.cpu).toMatchObject({ request: 1, limit: 4, limitRatio: 1, level: 'warning', withoutRequest: 1, withoutLimit: 1 });
    expect(data.memoryMiB).toMatchObject({ request: 1024, limit: 2048, level: 'ok' });
  });

  it('counts hibernated services but not their resources', () => {
    const t = tier('small');
    const hibernated = { ...t, placements: t.placements.map((p) => (p.service === 'db' ? { ...p, replicas: 0 } : p)) };
    const one = tierCapacity(topology, hibernated).get('one')!;
    expect(one.cpu.limit).toBe(2.5);
    expect(one.services).toBe(3);
    expect(one.containers).toBe(3);
  });

  it('gives empty hosts zeros and ignores placements on missing hosts or services', () => {
    const t = tier('small');
    const odd = {
      hosts: [...t.hosts, { ...t.hosts[0]!, id: 'spare' }],
      placements: [...t.placements, { service: 'ghost', host: 'one' }, { service: 'nightly', host: 'nowhere' }],
    };
    const capacity = tierCapacity(topology, odd);
    expect(capacity.get('spare')).toMatchObject({ services: 0, cpu: { request: 0, limit: 0, level: 'ok' } });
    expect(capacity.get('one')!.services).toBe(3);
    expect(capacity.has('nowhere')).toBe(false);
  });

  it('does not show float noise', () => {
    const services = [0.1, 0.2].map((cpu, i) => ({
      ...topology.services[1]!,
      id: `s${i}`,
      resources: { cpu: { request: cpu, limit: cpu } },
    }));
    const host = { ...tier('small').hosts[0]!, cpu: 0.375 };
    const usage = tierCapacity({ services }, { hosts: [host], placements: services.map((s) => ({ service: s.id, host: host.id })) });
    expect(usage.get(host.id)!.cpu.request).toBe(0.3);
    expect(usage.get(host.id)!.cpu.level).toBe('warning');
  });
});

describe('tierSummary', () => {
  it('adds up hosts, vCPU, memory and cost', () => {
    expect(tierSummary(tier('large'))).toMatchObject({ hosts: 2, cpu: 8, memoryMiB: 24576, monthlyCost: 60, costComplete: true });
  });

  it('says when a price is missing', () => {
    const t = tier('large');
    const summary = tierSummary({ ...t, hosts: [t.hosts[0]!, { ...t.hosts[1]!, monthlyCost: undefined, role: 'standby' }] });
    expect(summary).toMatchObject({ monthlyCost: 20, costComplete: false, standbyHosts: 1 });
  });
});
