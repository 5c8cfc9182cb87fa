import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { formatMemory, formatNumber } from '../../../shared/view/format';
import { HostStatusDot } from '../../components/DeployPanel/StatusDot';
import { Icon } from '../../components/Icon';
import { useFar } from '../farView';
import type { HostNode, HostNodeData } from '../types';
import { CapacityBar } from './CapacityBar';
import { FarHostBox } from './FarNodes';
import { sameLook } from './sameLook';

/** A host of the tier: a box holding its services, with its size and how full it is (its name alone when zoomed far out). */
export const HostNodeView = memo(function HostNodeView({ data, selected }: NodeProps<HostNode>) {
  const far = useFar();
  const level = worse(data.capacity.cpu.level, data.capacity.memoryMiB.level);
  return far ? <FarHostBox data={data} selected={selected} level={level} /> : <HostBox data={data} selected={selected} level={level} />;
}, sameLook);

function HostBox({ data, selected, level }: { data: HostNodeData; selected: boolean; level: string }) {
  const { hostId, capacity } = data;
  const classes = ['host', selected && 'is-selected', data.role === 'standby' && 'is-standby'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`host-${hostId}`} data-level={level}>
      <div className="host__head">
        <div className="host__title">
          <Icon name="host" size={16} className="host__icon" />
          <span className="host__name" title={data.name}>
            {data.name}
          </span>
          <HostStatusDot hostId={hostId} />
          {data.publicIp ? (
            <span className="host__ip" data-testid={`host-${hostId}-public-ip`} title="Has a public IP address">
              <Icon name="globe" size={12} />
              public
            </span>
          ) : null}
        </div>
        <div className="host__spec">
          <span className="host__size">
            {[data.flavor ?? data.provider, `${formatNumber(data.cpu)} vCPU`, formatMemory(data.memoryMiB), data.role === 'standby' ? 'standby' : undefined]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span className={`env env--${data.environmentKind}`} data-testid={`host-${hostId}-environment`} title={`Environment: ${data.environmentName}`}>
            {data.environmentName}
          </span>
        </div>
        <CapacityBar label="CPU" unit="cpu" usage={capacity.cpu} testId={`host-${hostId}-cpu`} />
        <CapacityBar label="Mem" unit="memory" usage={capacity.memoryMiB} testId={`host-${hostId}-memory`} />
      </div>
      {capacity.services === 0 ? <div className="host__empty">No services placed here</div> : null}
    </div>
  );
}

function worse(a: string, b: string): string {
  const rank = (level: string) => ['ok', 'warning', 'error'].indexOf(level);
  return rank(a) >= rank(b) ? a : b;
}
