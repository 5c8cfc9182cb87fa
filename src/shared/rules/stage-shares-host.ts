import { environmentKinds } from './context';
import { hostPath, hostRef } from './refs';
import type { HostRule } from './types';

/** Seed 002 §2: stage runs on its own VM; seed 000 shows what happens when it does not. */
export const stageSharesHost: HostRule = {
  id: 'stage-shares-host',
  title: 'Stage shares a host with prod',
  severity: 'warning',
  scope: 'host',
  why: 'A stage load test or a runaway stage container then competes with production for the same CPU, memory and disk.',
  check(context, tier, h, emit) {
    const host = tier.tier.hosts[h]!;
    const services = context.topology.services;
    const { offsets, targets } = tier.servicesOnHost;
    let prod: string | undefined;
    let other: string | undefined;
    const kinds = environmentKinds(context, tier);
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) {
      const s = targets[e]!;
      if (tier.running[s] === 0) continue;
      const kind = kinds[s];
      if (kind === 'production') prod ??= services[s]!.id;
      else if (kind === 'staging' || kind === 'development') other ??= services[s]!.id;
    }
    if (prod === undefined || other === undefined) return;
    emit({
      severity: 'warning',
      message: `${host.id} runs production (${prod}) and non-production (${other}) services side by side`,
      targets: [hostRef(tier, h)],
      path: hostPath(tier, h),
      tier: tier.tier.id,
    });
  },
};
