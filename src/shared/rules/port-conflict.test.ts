import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('port-conflict', () => {
  it('finds two running services publishing the same port on one host', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'proxy')!.ports = [{ container: 80, published: 8080, protocol: 'tcp' }];
    topology.services.find((s) => s.id === 'shop')!.ports = [{ container: 8080, published: 8080, protocol: 'tcp' }];
    // small: both on "one"; large: both on "web".
    expect(findingsOf('port-conflict', topology).map((f) => f.message)).toEqual([
      'one: shop and proxy both publish tcp port 8080',
      'web: shop and proxy both publish tcp port 8080',
    ]);
  });

  it('accepts other protocols, distinct bind addresses and hibernated services', () => {
    const topology = sampleTopology();
    const proxy = topology.services.find((s) => s.id === 'proxy')!;
    const shop = topology.services.find((s) => s.id === 'shop')!;
    proxy.ports = [{ container: 53, published: 53, protocol: 'udp', bind: '10.0.0.1' }];
    shop.ports = [{ container: 53, published: 53, protocol: 'tcp' }, { container: 53, published: 53, protocol: 'udp', bind: '10.0.0.2' }];
    expect(findingsOf('port-conflict', topology)).toEqual([]);
    shop.ports = [{ container: 53, published: 53, protocol: 'udp' }];
    expect(findingsOf('port-conflict', topology, ['small'])).toHaveLength(1);
    shop.replicas = 0;
    expect(findingsOf('port-conflict', topology, ['small'])).toEqual([]);
  });
});
