import { STATEFUL_KINDS } from '../model';
import { serviceEnvironment } from './context';
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
    const hosts = tier.tier.hosts;
    const kindOf = (s: number) => {
      const h = tier.hostOf[s]!;
      const env = serviceEnvironment(services[s]!, h >= 0 ? hosts[h] : undefined);
      return env === undefined ? undefined : context.environmentKind.get(env);
    };
    for (let d = 0; d < dependencies.length; d++) {
      const from = context.depFrom[d]!;
      const to = context.depTo[d]!;
      if (from < 0 || to < 0 || !services[to]!.stateful) continue;
      const fromKind = kindOf(from);
      if ((fromKind !== 'staging' && fromKind !== 'development') || kindOf(to) !== 'production') continue;
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
