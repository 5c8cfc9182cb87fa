import type { CSSProperties } from 'react';
import { formatMemory, formatNumber, formatPercent } from '../../../shared/view/format';
import { useHostStatus, useServiceStatus } from '../../components/DeployPanel/StatusDot';
import type { GroupNodeData, HostNodeData, ServiceNodeData } from '../types';

/*
 * Zoomed far out, every box is ONE element: its name, with plane, status and capacity as
 * colours. A pan repaints every box on screen, so this is what keeps a big map as cheap to
 * pan as React Flow's default nodes (bench/canvas.bench.ts).
 */

/**
 * React Flow draws an edge only between nodes whose handles it has measured. A far box has
 * no Handle elements, so the box itself carries the handle classes (`source target`): a
 * node first measured while far out still gets its edges, which floating.ts draws border to
 * border whatever the handle's place.
 */
const AS_HANDLES = 'source target';

export function FarServiceBox({ data, selected, title }: { data: ServiceNodeData; selected: boolean; title: string }) {
  const status = useServiceStatus(data.serviceId);
  const classes = ['svc-far', AS_HANDLES, selected && 'is-selected', data.replicas === 0 && 'is-hibernated', data.kind === 'external' && 'is-external']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={{ '--plane': data.color ?? 'var(--no-plane)' } as CSSProperties}
      data-testid={`service-${data.serviceId}`}
      data-kind={data.kind}
      data-far=""
      data-status={status ?? undefined}
      title={title}
    >
      {data.name}
    </div>
  );
}

/** A host's name, how big it is and how full, for the hover title of its far box. */
export function hostTitle(data: HostNodeData): string {
  const { cpu, memoryMiB } = data.capacity;
  return [
    data.name,
    data.flavor ?? data.provider,
    `${formatNumber(data.cpu)} vCPU`,
    formatMemory(data.memoryMiB),
    `CPU requests ${formatPercent(cpu.requestRatio)}`,
    `memory requests ${formatPercent(memoryMiB.requestRatio)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The capacity bars collapse into the border's colour (`data-level`: ok, warning, error). */
export function FarHostBox({ data, selected, level }: { data: HostNodeData; selected: boolean; level: string }) {
  const host = useHostStatus(data.hostId);
  const classes = ['host-far', selected && 'is-selected', data.role === 'standby' && 'is-standby'].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      data-testid={`host-${data.hostId}`}
      data-level={level}
      data-far=""
      data-status={host ? (host.reachable ? 'reachable' : 'unreachable') : undefined}
      title={hostTitle(data)}
    >
      {data.name}
    </div>
  );
}

export function FarGroupBox({ data, testId, style }: { data: GroupNodeData; testId: string; style?: CSSProperties }) {
  return (
    <div className={`group-far group--${data.group}`} style={style} data-testid={testId} data-far="" title={data.hint ? `${data.label}: ${data.hint}` : data.label}>
      {data.label} ({data.count})
    </div>
  );
}
