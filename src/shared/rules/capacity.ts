import { capacityLevel, hostMeter, type ResourceUsage } from '../analysis/capacity';
import { hostPath, hostRef } from './refs';
import type { HostRule } from './types';

/** Σ requests and limits per host against its size: ≥ 80 % warns, > 100 % is an error. */
export const capacity: HostRule = {
  id: 'capacity',
  title: 'Host over capacity',
  severity: 'error',
  scope: 'host',
  why: 'Requests above the host are services that will not fit; limits above it are an overcommit where one busy service starves the rest (seed 000: a 94 % CPU request left no room for a build job).',
  check(context, tier, h, emit) {
    const host = tier.tier.hosts[h]!;
    if (host.role === 'standby') return;
    // Summed from the tier's index of who is on the host, without building a list first.
    const meter = hostMeter(host);
    const { offsets, targets } = tier.servicesOnHost;
    const { services } = context.topology;
    const { placements } = tier.tier;
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) meter.add(services[targets[e]!]!, placements[tier.placementOf[targets[e]!]!]);
    const usage = meter.finish();
    // Requests and limits separately: a saturated request (nothing more fits) is a different
    // problem from an overcommitted limit (one busy service starves the rest).
    const report = (what: string, unit: (v: number) => string, u: ResourceUsage) => {
      for (const [sum, ratio, label] of [[u.request, u.requestRatio, 'requests'], [u.limit, u.limitRatio, 'limits']] as const) {
        const level = capacityLevel(ratio);
        if (level === 'ok') continue;
        emit({
          severity: level,
          message: `${host.id}: ${what} ${label} ${unit(sum)} of ${unit(u.capacity)} (${Math.round(ratio * 100)} %)`,
          targets: [hostRef(tier, h)],
          path: hostPath(tier, h),
          tier: tier.tier.id,
        });
      }
    };
    report('CPU', (v) => `${round2(v)} vCPU`, usage.cpu);
    report('memory', mib, usage.memoryMiB);
    const disk = usage.disk;
    if (disk && disk.level !== 'ok') {
      emit({
        severity: disk.level,
        message: `${host.id}: volumes ${round2(disk.usedGiB)} GiB of ${disk.capacityGiB} GiB disk (${Math.round(disk.ratio * 100)} %)`,
        targets: [hostRef(tier, h)],
        path: hostPath(tier, h),
        tier: tier.tier.id,
      });
    }
  },
};

const round2 = (v: number) => Math.round(v * 100) / 100;
const mib = (v: number) => (v >= 1024 ? `${round2(v / 1024)} GiB` : `${v} MiB`);

