import type { Topology } from '../model';
import type { TierContext } from './context';
import type { ElementRef } from './types';

/** Short constructors for what findings point at, so rules read as sentences. */
export const serviceRef = (id: string): ElementRef => ({ kind: 'service', id });
export const hostRef = (tier: TierContext, host: number): ElementRef => ({ kind: 'host', id: tier.tier.hosts[host]!.id, tier: tier.tier.id });
export const dependencyRef = (from: string, to: string): ElementRef => ({ kind: 'dependency', from, to });
export const planeRef = (id: string): ElementRef => ({ kind: 'plane', id });

export const servicePath = (index: number, ...rest: (string | number)[]) => ['services', index, ...rest];
export const dependencyPath = (index: number, ...rest: (string | number)[]) => ['dependencies', index, ...rest];
export const hostPath = (tier: TierContext, host: number) => ['tiers', tier.index, 'hosts', host];

/** Replaces one service by id, keeping every other object (and so every memo) as it was. */
export function updateService(topology: Topology, id: string, change: (service: Topology['services'][number]) => Topology['services'][number]): Topology | undefined {
  const index = topology.services.findIndex((s) => s.id === id);
  if (index < 0) return undefined;
  const services = topology.services.slice();
  services[index] = change(services[index]!);
  return { ...topology, services };
}

/** The service a finding is about (its first service target). */
export function findingService(targets: readonly ElementRef[]): string | undefined {
  const ref = targets.find((t) => t.kind === 'service');
  return ref?.kind === 'service' ? ref.id : undefined;
}
