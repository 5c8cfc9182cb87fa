import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('public-datastore', () => {
  it('flags a database publishing a port on a host with a public IP', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'db')!.ports = [{ container: 5432, published: 5432, protocol: 'tcp' }];
    // small: one public host; large: db sits on "data", which has no public IP.
    expect(findingsOf('public-datastore', topology).map((f) => [f.tier, f.severity, f.message])).toEqual([
      ['small', 'error', 'db (database) publishes port 5432 on one, which has a public IP'],
    ]);
  });

  it('accepts a loopback bind, and flags a data store marked public anywhere', () => {
    const topology = sampleTopology();
    const db = topology.services.find((s) => s.id === 'db')!;
    db.ports = [{ container: 5432, published: 5432, protocol: 'tcp', bind: '127.0.0.1' }];
    expect(findingsOf('public-datastore', topology)).toEqual([]);
    db.exposure = 'public';
    expect(findingsOf('public-datastore', topology).map((f) => f.tier)).toEqual(['small', 'large']);
  });

  it('notes (info) a non-proxy service facing the internet', () => {
    const topology = sampleTopology();
    const shop = topology.services.find((s) => s.id === 'shop')!;
    shop.exposure = 'public';
    shop.ports = [{ container: 8080, published: 8080, protocol: 'tcp' }];
    expect(findingsOf('public-datastore', topology, ['small']).map((f) => f.severity)).toEqual(['info']);
  });

  it('quick fix unpublishes the ports and makes it internal', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'db')!.ports = [{ container: 5432, published: 5432, protocol: 'tcp' }];
    const fixed = applyQuickFix(topology, findingsOf('public-datastore', topology)[0]!)!;
    expect(fixed.services.find((s) => s.id === 'db')!.ports).toEqual([{ container: 5432, protocol: 'tcp' }]);
    expect(findingsOf('public-datastore', fixed)).toEqual([]);
  });
});
