import { memo } from 'react';
import { parseNumber } from '../../../shared/edit';
import type { Dependency, Plane, Tier } from '../../../shared/model';
import { tierSummary } from '../../../shared/view/capacity';
import { formatMemory, formatMoney, formatNumber } from '../../../shared/view/format';
import { useAppStore } from '../../store';
import { CheckField, Field, SelectField, text } from './Field';

export const PlaneInspector = memo(function PlaneInspector({ plane }: { plane: Plane }) {
  const update = useAppStore((s) => s.updatePlane);
  const readOnly = useAppStore((s) => s.readOnly);
  const count = useAppStore((s) => s.topology?.services.filter((x) => x.plane === plane.id).length ?? 0);
  return (
    <div className="inspector__body" data-testid="inspector-plane">
      <Field label="Name" value={plane.name} parse={text(true)} testId="inspect-plane-name" disabled={readOnly} commit={(v) => update(plane.id, { name: v! })} hint={`${count} ${count === 1 ? 'service' : 'services'}`} />
      <Field label="Colour" value={plane.color} parse={(t) => (/^#[0-9a-fA-F]{6}$/.test(t.trim()) ? { value: t.trim() } : { error: 'must be a colour like #3b82f6' })} testId="inspect-plane-color" disabled={readOnly}
        unit={<span className="swatch" style={{ background: plane.color }} />} commit={(color) => update(plane.id, { color })} />
      <Field label="Purpose" value={plane.purpose ?? ''} parse={text()} testId="inspect-plane-purpose" disabled={readOnly} commit={(v) => update(plane.id, { purpose: v })} />
      <CheckField label="Internal network (no internet)" checked={plane.internal} disabled={readOnly} testId="inspect-plane-internal" onChange={(internal) => update(plane.id, { internal })} />
    </div>
  );
});

export const DependencyInspector = memo(function DependencyInspector({ dependency }: { dependency: Dependency }) {
  const update = useAppStore((s) => s.updateDependency);
  const readOnly = useAppStore((s) => s.readOnly);
  const { from, to } = dependency;
  return (
    <div className="inspector__body" data-testid="inspector-dependency">
      <p className="inspector__sentence">
        <strong>{from}</strong> needs <strong>{to}</strong>
      </p>
      <SelectField label="Kind" value={dependency.kind} disabled={readOnly} testId="inspect-dependency-kind"
        options={[{ value: 'hard', label: 'Hard: cannot start without it' }, { value: 'soft', label: 'Soft: starts and degrades' }]} onChange={(kind) => update(from, to, { kind })} />
      <Field label="Port" value={dependency.port?.toString() ?? ''} parse={(t) => parseNumber(t, { integer: true, min: 1, max: 65535, optional: true })} testId="inspect-dependency-port" disabled={readOnly} commit={(port) => update(from, to, { port })} />
      <Field label="Description" value={dependency.description ?? ''} parse={text()} testId="inspect-dependency-description" disabled={readOnly} commit={(description) => update(from, to, { description })} />
    </div>
  );
});

export const TierInspector = memo(function TierInspector({ tier }: { tier: Tier }) {
  const update = useAppStore((s) => s.updateTier);
  const rename = useAppStore((s) => s.renameTier);
  const currency = useAppStore((s) => s.topology?.currency ?? 'EUR');
  const readOnly = useAppStore((s) => s.readOnly);
  const summary = tierSummary(tier);
  return (
    <div className="inspector__body" data-testid="inspector-tier">
      <Field label="Name" value={tier.name} parse={text(true)} testId="inspect-tier-name" disabled={readOnly} commit={(v) => rename(tier.id, v!)} />
      <Field label="Customers" value={tier.customers ?? ''} parse={text()} testId="inspect-tier-customers" disabled={readOnly} placeholder="e.g. 5–200" commit={(customers) => update(tier.id, { customers })} />
      <Field label="Description" value={tier.description ?? ''} parse={text()} testId="inspect-tier-description" disabled={readOnly} commit={(description) => update(tier.id, { description })} />
      <dl className="inspector__facts" data-testid="tier-totals">
        <dt>Hosts</dt>
        <dd>{summary.hosts}</dd>
        <dt>vCPU</dt>
        <dd>{formatNumber(summary.cpu)}</dd>
        <dt>Memory</dt>
        <dd>{formatMemory(summary.memoryMiB)}</dd>
        <dt>Cost</dt>
        <dd>{formatMoney(summary.monthlyCost, currency)}/mo{summary.costComplete ? '' : ' (some hosts have no price)'}</dd>
      </dl>
    </div>
  );
});

export { SelectField };
