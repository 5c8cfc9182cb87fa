import { create } from 'zustand';
import { useAppStore, type AppState } from '../../store';

type DeployStatus = AppState['deployStatus'];

/**
 * The deploy status alone, copied out of the app store when it changes. Every canvas node
 * has a dot: subscribed to the app store, their ~1,100 selectors would run on every drag
 * move (which sets the nodes there); subscribed here, they run only when a poll answers.
 */
const useDeployStatus = create<{ status: DeployStatus }>(() => ({ status: useAppStore.getState().deployStatus }));
useAppStore.subscribe((s) => {
  if (s.deployStatus !== useDeployStatus.getState().status) useDeployStatus.setState({ status: s.deployStatus });
});

/** The live state of a deployed service, or null until a status poll has answered. */
export function useServiceStatus(serviceId: string) {
  return useDeployStatus((s) => (s.status === null ? null : (s.status.services[serviceId] ?? 'absent')));
}

/** The live state of a deployed service, as a dot on its canvas node (absent until status is known). */
export function ServiceStatusDot({ serviceId }: { serviceId: string }) {
  const shown = useServiceStatus(serviceId);
  if (shown === null) return null;
  return <span className={`deploy-dot deploy-dot--live-${shown}`} data-testid={`service-${serviceId}-status`} data-status={shown} title={`Deployed: ${shown}`} />;
}

/** A host's answer to the last status poll, or undefined until one came. */
export function useHostStatus(hostId: string) {
  return useDeployStatus((s) => s.status?.hosts[hostId]);
}

/** Whether a host answered the last status poll. */
export function HostStatusDot({ hostId }: { hostId: string }) {
  const host = useHostStatus(hostId);
  if (!host) return null;
  const shown = host.reachable ? 'reachable' : 'unreachable';
  return <span className={`deploy-dot deploy-dot--live-${shown}`} data-testid={`host-${hostId}-status`} data-status={shown} title={host.error ?? `Host ${shown}`} />;
}
