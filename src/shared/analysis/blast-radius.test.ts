import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTopology } from '../format';
import type { Topology } from '../model';
import { sampleTopology } from '../view/testing';
import { blastRadius, hostImpacts } from './blast-radius';

function breakpilot(): Topology {
  const file = fileURLToPath(new URL('../../../resources/examples/breakpilot.stackdraft.yaml', import.meta.url));
  const result = loadTopology(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error('breakpilot does not load');
  return result.topology;
}

const ids = (list: readonly { service: string }[] | undefined) => (list ?? []).map((d) => d.service).sort();

describe('blastRadius', () => {
  it('takes down hard dependents hop by hop and degrades soft ones', () => {
    const radius = blastRadius(sampleTopology(), 'large', { kind: 'service', id: 'db' })!;
    expect(radius.down).toEqual([
      { service: 'db', host: 'data', step: 0 },
      { service: 'shop', host: 'web', step: 1 },
      { service: 'proxy', host: 'web', step: 2 },
    ]);
    expect(radius.otherHostsHit).toEqual(['web']);
  });

  it('a host takes everything running on it, and what hard-needs that elsewhere', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'nightly', to: 'shop', kind: 'soft' });
    const radius = blastRadius(topology, 'large', { kind: 'host', id: 'web' })!;
    expect(ids(radius.down)).toEqual(['proxy', 'shop']);
    expect(radius.degraded).toEqual([{ service: 'nightly', host: 'data', because: ['shop'] }]);
    expect(radius.otherHostsHit).toEqual([]);
  });

  it('returns undefined for an unknown tier or element', () => {
    expect(blastRadius(sampleTopology(), 'nope', { kind: 'host', id: 'web' })).toBeUndefined();
    expect(blastRadius(sampleTopology(), 'large', { kind: 'host', id: 'nope' })).toBeUndefined();
  });

  describe('seed 002 §10, tier A', () => {
    const topology = breakpilot();

    it('Scenario A: vm-edge fails → total outage (the gateway and every authenticated service)', () => {
      const radius = blastRadius(topology, 'tier-a', { kind: 'host', id: 'vm-edge' })!;
      const down = ids(radius.down);
      for (const id of ['orca-proxy', 'keycloak', 'infisical', 'customer-portal', 'tenant-registry', 'erpnext', 'certifai-dashboard', 'backend-compliance']) expect(down).toContain(id);
      expect(radius.otherHostsHit).toEqual(expect.arrayContaining(['vm-control', 'vm-data']));
    });

    it('Scenario C: vm-data fails → tenant registry (pg-app) and the portal behind it fail', () => {
      const radius = blastRadius(topology, 'tier-a', { kind: 'host', id: 'vm-data' })!;
      expect(radius.down.find((d) => d.service === 'tenant-registry')).toEqual({ service: 'tenant-registry', host: 'vm-control', step: 1 });
      expect(ids(radius.down)).toContain('customer-portal');
      expect(ids(radius.down)).not.toContain('keycloak');
    });

    it('Scenario D: LiteLLM fails → soft degradation only', () => {
      const radius = blastRadius(topology, 'tier-a', { kind: 'service', id: 'litellm' })!;
      expect(ids(radius.down)).toEqual(['litellm']);
      expect(ids(radius.degraded)).toEqual(['ai-compliance-sdk', 'certifai-dashboard']);
    });

    it('Scenario G: tenant registry fails → portal down, logins degraded (Keycloak mapper)', () => {
      const radius = blastRadius(topology, 'tier-a', { kind: 'service', id: 'tenant-registry' })!;
      expect(ids(radius.down)).toEqual(['customer-portal', 'orca-proxy', 'tenant-registry']);
      expect(ids(radius.degraded)).toContain('keycloak');
    });

    it('vm-edge has the highest blast radius in the system (RISK-2)', () => {
      const impacts = hostImpacts(topology, 'tier-a');
      expect(impacts[0]).toMatchObject({ host: 'vm-edge', spof: true });
      expect(impacts[0]!.share).toBeGreaterThan(0.5);
    });
  });
});
