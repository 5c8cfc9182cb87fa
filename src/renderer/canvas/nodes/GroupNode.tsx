import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon, type IconName } from '../../components/Icon';
import { useFar } from '../farView';
import type { GroupNode } from '../types';
import { FarGroupBox } from './FarNodes';
import { sameLook } from './sameLook';

const ICONS: Record<GroupNode['data']['group'], IconName> = {
  external: 'external',
  tray: 'tray',
  plane: 'layers',
  'no-plane': 'layers',
};

/** A box that is not a host: external services, the unplaced tray, or a plane. */
export const GroupNodeView = memo(function GroupNodeView({ data }: NodeProps<GroupNode>) {
  const far = useFar();
  const style = data.color ? ({ '--plane': data.color } as CSSProperties) : undefined;
  const testId = data.planeId ? `plane-group-${data.planeId}` : `group-${data.group}`;
  if (far) return <FarGroupBox data={data} testId={testId} style={style} />;
  return (
    <div className={`group group--${data.group}`} style={style} data-testid={testId}>
      <div className="group__head">
        <Icon name={ICONS[data.group]} size={14} />
        <span className="group__label">{data.label}</span>
        <span className="group__count">{data.count}</span>
        {data.hint ? <span className="group__hint">{data.hint}</span> : null}
      </div>
    </div>
  );
}, sameLook);
