import { findingService, servicePath, serviceRef, updateService } from './refs';
import type { ServiceRule } from './types';

/** Seed 002 §5: every stateful service says how it is backed up and how much data may be lost. */
export const backupPolicy: ServiceRule = {
  id: 'backup-policy',
  title: 'Stateful service without backup policy',
  severity: 'warning',
  scope: 'service',
  why: 'Without a stated backup policy and RPO nobody knows how much data a disk failure loses; "none" is fine when it is a decision, written down.',
  check(service, index, emit) {
    if (!service.stateful || service.kind === 'external' || service.backup) return;
    emit({
      severity: 'warning',
      message: `${service.id} is stateful but has no backup policy (RPO)`,
      targets: [serviceRef(service.id)],
      path: servicePath(index),
      fix: 'Add a daily scheduled backup with a 24 h RPO',
    });
  },
  fix(topology, finding) {
    const id = findingService(finding.targets);
    if (id === undefined) return undefined;
    return updateService(topology, id, (service) => ({ ...service, backup: { policy: 'scheduled', every: 'daily', rpoHours: 24 } }));
  },
};
