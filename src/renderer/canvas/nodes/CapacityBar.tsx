import type { ResourceUsage } from '../../../shared/view/capacity';
import { capacityLevel } from '../../../shared/view/capacity';
import { formatMemory, formatNumber, formatPercent } from '../../../shared/view/format';

const width = (ratio: number) => `${Math.min(1, Math.max(0, ratio)) * 100}%`;

function amount(value: number, unit: 'cpu' | 'memory'): string {
  return unit === 'cpu' ? formatNumber(value) : formatMemory(value);
}

/** Σ requests (solid) and Σ limits (light) of one resource against the host's size. */
export function CapacityBar({ label, usage, unit, testId }: { label: string; usage: ResourceUsage; unit: 'cpu' | 'memory'; testId: string }) {
  const requestLevel = capacityLevel(usage.requestRatio);
  const limitLevel = capacityLevel(usage.limitRatio);
  const capacity = unit === 'cpu' ? `${formatNumber(usage.capacity)} vCPU` : formatMemory(usage.capacity);
  const notes = [
    usage.withoutRequest > 0 ? `${usage.withoutRequest} without a request` : undefined,
    usage.withoutLimit > 0 ? `${usage.withoutLimit} without a limit (may use the whole host)` : undefined,
  ].filter(Boolean);
  const title =
    `${label}: requests ${amount(usage.request, unit)} of ${capacity} (${formatPercent(usage.requestRatio)}), ` +
    `limits ${amount(usage.limit, unit)} (${formatPercent(usage.limitRatio)})` +
    (notes.length > 0 ? `; ${notes.join(', ')}` : '');
  return (
    <div className="cap" data-testid={testId} data-level={usage.level} title={title}>
      <span className="cap__label">{label}</span>
      <span className="cap__track">
        <span className={`cap__limit cap--${limitLevel}`} style={{ width: width(usage.limitRatio) }} />
        <span className={`cap__request cap--${requestLevel}`} style={{ width: width(usage.requestRatio) }} />
      </span>
      <span className={`cap__value cap-text--${requestLevel}`}>
        {amount(usage.request, unit)}
        <span className="cap__of"> / {capacity}</span>
      </span>
      <span className={`cap__lim cap-text--${limitLevel}`}>{usage.limit > 0 ? `lim ${formatPercent(usage.limitRatio)}` : ''}</span>
    </div>
  );
}
