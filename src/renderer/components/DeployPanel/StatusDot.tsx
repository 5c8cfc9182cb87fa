import { useAppStore } from '../../store';

/** The live state of a deployed service, as a dot on its canvas node (absent until status is known). */
export function ServiceStatusDot({ serviceId }: { serviceId: string }) {
  const state = useAppStore((s) => s.deployStatus?.services[serviceId]);
  const known = useAppStore((s) => s.deployStatus !== null);
  if (!known) return null;
  const shown = state ?? 'absent';
  return <span className={`deploy-dot deploy-dot--live-${shown}`} data-testid={`service-${serviceId}-status`} data-status={shown} title={`Deployed: ${shown}`} />;
}

/** Whether a host answered the last status poll. */
export function HostStatusDot({ hostId }: { hostId: string }) {
  const host = useAppStore((s) => s.deployStatus?.hosts[hostId]);
  if (!host) return null;
  const shown = host.reachable ? 'reachable' : 'unreachable';
  return <span className={`deploy-dot deploy-dot--live-${shown}`} data-testid={`host-${hostId}-status`} data-status={shown} title={host.error ?? `Host ${shown}`} />;
}
