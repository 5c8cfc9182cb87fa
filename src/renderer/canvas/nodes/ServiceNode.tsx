import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { ServiceStatusDot } from '../../components/DeployPanel/StatusDot';
import { Icon } from '../../components/Icon';
import { useFar } from '../farView';
import { kindLook } from '../kinds';
import type { ServiceNode, ServiceNodeData } from '../types';
import { FarServiceBox } from './FarNodes';
import { sameLook } from './sameLook';

const titleOf = (data: ServiceNodeData) =>
  [
    data.name,
    kindLook(data.kind).label,
    data.planeName ? `plane ${data.planeName}` : undefined,
    data.kind === 'external' ? undefined : data.caps,
    data.hostName ? `on ${data.hostName}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/** One container: kind, name, image and caps, tinted with its plane's colour (one box with its name when zoomed far out). */
export const ServiceNodeView = memo(function ServiceNodeView({ data, selected }: NodeProps<ServiceNode>) {
  const far = useFar();
  return far ? <FarServiceBox data={data} selected={selected} title={titleOf(data)} /> : <ServiceBox data={data} selected={selected} />;
}, sameLook);

function ServiceBox({ data, selected }: { data: ServiceNodeData; selected: boolean }) {
  const look = kindLook(data.kind);
  const style = { '--plane': data.color ?? 'var(--no-plane)' } as CSSProperties;
  const classes = ['svc', selected && 'is-selected', data.replicas === 0 && 'is-hibernated', data.kind === 'external' && 'is-external']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={style}
      data-testid={`service-${data.serviceId}`}
      data-kind={data.kind}
      title={titleOf(data)}
    >
      <Handle type="target" position={Position.Top} className="sd-handle" />
      <div className="svc__head">
        <Icon name={look.icon} size={15} className="svc__icon" title={look.label} />
        <span className="svc__name" title={data.name}>
          {data.name}
        </span>
        {data.replicas !== 1 ? (
          <span className="svc__badge" title={data.replicas === 0 ? 'Hibernated: 0 replicas' : `${data.replicas} replicas`}>
            {data.replicas === 0 ? 'off' : `×${data.replicas}`}
          </span>
        ) : null}
        {data.exposure === 'public' ? <Icon name="globe" size={13} className="svc__public" title="Public" /> : null}
        <span className="svc__kind">{look.label}</span>
        <ServiceStatusDot serviceId={data.serviceId} />
      </div>
      {data.kind === 'external' ? (
        <div className="svc__desc" title={data.description}>
          {data.description ?? 'Not deployed by Stackdraft'}
        </div>
      ) : (
        <>
          <div className="svc__image" title={data.image}>
            {data.image ?? 'no image'}
          </div>
          <div className="svc__foot">
            <span className={data.hasCaps ? 'svc__caps' : 'svc__caps is-uncapped'} title="CPU and memory: request–limit">
              {data.caps}
            </span>
            {data.hostName ? (
              <span className="svc__where" title={`Runs on ${data.hostName}`}>
                {data.hostName}
              </span>
            ) : null}
          </div>
        </>
      )}
      <Handle type="source" position={Position.Bottom} className="sd-handle" data-testid={`handle-${data.serviceId}`} title="Drag to a service this one depends on" />
    </div>
  );
}
