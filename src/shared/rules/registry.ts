import { backupPolicy } from './backup-policy';
import { capacity } from './capacity';
import { criticalStateful } from './critical-stateful';
import { danglingDependency } from './dangling-dependency';
import { hardCycle } from './hard-cycle';
import { healthCheck } from './health-check';
import { planeIsolation } from './plane-isolation';
import { plainSecret } from './plain-secret';
import { portConflict } from './port-conflict';
import { publicDatastore } from './public-datastore';
import { resourceLimits } from './resource-limits';
import { rootDependencyHost } from './root-dependency-host';
import { stageSharesHost } from './stage-shares-host';
import { stageToProd } from './stage-to-prod';
import type { GraphRule, HostRule, Rule, ServiceRule, TierRule } from './types';
import { unplaced } from './unplaced';

/** Every rule, in the order their findings are listed. Adding a rule: its file, and one line here. */
export const RULES: readonly Rule[] = [
  capacity,
  resourceLimits,
  publicDatastore,
  stageToProd,
  stageSharesHost,
  planeIsolation,
  portConflict,
  unplaced,
  danglingDependency,
  hardCycle,
  healthCheck,
  plainSecret,
  backupPolicy,
  rootDependencyHost,
  criticalStateful,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The rules split by scope once, so the validators loop over typed lists. */
export const RULES_BY_SCOPE = {
  service: RULES.filter((r): r is ServiceRule => r.scope === 'service'),
  graph: RULES.filter((r): r is GraphRule => r.scope === 'graph'),
  tier: RULES.filter((r): r is TierRule => r.scope === 'tier'),
  host: RULES.filter((r): r is HostRule => r.scope === 'host'),
};
