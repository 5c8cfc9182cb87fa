import { STATEFUL_KINDS } from '../model';
import { environmentKinds } from './context';
import { dependencyPath, dependencyRef, serviceRef } from './refs';
import type { TierRule } from './types';

/**
 * Seed 002 §2: stage may call prod identity and mail, never prod data. A prod database,
 * cache or queue is an error; another stateful service (a mail server) is a warning,
 * since the seed allows it behind a filter that the model cannot see.
 */
export const stageToProd: TierRule = {
  id: 'stage-to-prod',
  title: 'Stage reaches a prod stateful service',
  severity: 'error',
  scope: 'tier',
  why: 'Untested stage code writing to production data is how test runs corrupt customer records; stage gets its own stores.',
  check(context, tier, emit) {
    const { services, dependencies } = context.topology;
    const kinds = environmentKinds(context, tier);
    for (let d = 0; d < dependencies.length; d++) {
      const from = context.depFrom[d]!;
      const to = context.depTo[d]!;
      if (from < 0 || to < 0 || !services[to]!.stateful) continue;
      const fromKind = kinds[from];
      if ((fromKind !== 'staging' && fromKind !== 'development') || kinds[to] !== 'production') continue;
      const a = services[from]!.id;
      const b = services[to]!.id;
      const datastore = STATEFUL_KINDS.has(services[to]!.kind);
      emit({
        severity: datastore ? 'error' : 'warning',
        message: `${a} (${fromKind}) depends on ${b}, a production ${datastore ? services[to]!.kind : 'stateful service'}${datastore ? '' : ': make sure stage cannot change its data'}`,
        targets: [dependencyRef(a, b), serviceRef(a), serviceRef(b)],
        path: dependencyPath(d),
        tier: tier.tier.id,
      });
    }
  },
};
