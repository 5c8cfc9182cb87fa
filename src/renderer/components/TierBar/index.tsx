import { useMemo } from 'react';
import { useTierRename } from '../../commands/tierRename';
import { TierActions } from './TierActions';
import { tierSummary, type TierSummary } from '../../../shared/view/capacity';
import { formatMemory, formatMoney, formatNumber } from '../../../shared/view/format';
import { useAppStore } from '../../store';

function costLabel(summary: TierSummary, currency: string): string {
  if (summary.costComplete) return `${formatMoney(summary.monthlyCost, currency)}/mo`;
  if (summary.monthlyCost > 0) return `≥ ${formatMoney(summary.monthlyCost, currency)}/mo`;
  return 'no prices';
}

/** One tab per tier with its hosts, vCPU, memory and monthly cost; and what the view shows. */
export function TierBar() {
  const tiers = useAppStore((s) => s.topology?.tiers);
  const currency = useAppStore((s) => s.topology?.currency ?? 'EUR');
  const tierId = useAppStore((s) => s.tierId);
  const view = useAppStore((s) => s.view);
  const setTier = useAppStore((s) => s.setTier);
  const renameTier = useAppStore((s) => s.renameTier);
  const readOnly = useAppStore((s) => s.readOnly);
  const renaming = useTierRename((s) => s.tierId);
  const setRenaming = useTierRename((s) => s.start);
  const stopRenaming = useTierRename((s) => s.stop);
  const summaries = useMemo(() => (tiers ?? []).map((tier) => ({ tier, summary: tierSummary(tier) })), [tiers]);
  const current = summaries.find((s) => s.tier.id === tierId)?.tier;

  return (
    <nav className="tierbar" aria-label="Tiers">
      <div className="tierbar__tabs" role="tablist" data-testid="tier-select">
        {summaries.length === 0 ? <span className="tierbar__empty">This file has no tiers yet: every service is unplaced.</span> : null}
        {summaries.map(({ tier, summary }) =>
          renaming === tier.id ? (
            <input
              key={tier.id}
              className="tier tier__rename"
              autoFocus
              defaultValue={tier.name}
              data-testid={`tier-rename-${tier.id}`}
              onFocus={(e) => e.target.select()}
              onBlur={(e) => {
                renameTier(tier.id, e.target.value);
                stopRenaming();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
                if (e.key === 'Escape') stopRenaming();
              }}
            />
          ) : (
            <button
              key={tier.id}
              type="button"
              role="tab"
              aria-selected={tier.id === tierId}
              className={tier.id === tierId ? 'tier is-active' : 'tier'}
              data-testid={`tier-tab-${tier.id}`}
              onClick={() => setTier(tier.id)}
              onDoubleClick={() => !readOnly && setRenaming(tier.id)}
              title={[tier.description, tier.customers ? `For ${tier.customers}` : undefined, readOnly ? undefined : 'Double-click to rename'].filter(Boolean).join(' · ') || tier.name}
            >
              <span className="tier__name">{tier.name}</span>
              <span className="tier__stats" data-testid={`tier-stats-${tier.id}`}>
                {summary.hosts} {summary.hosts === 1 ? 'host' : 'hosts'} · {formatNumber(summary.cpu)} vCPU · {formatMemory(summary.memoryMiB)} · {costLabel(summary, currency)}
              </span>
            </button>
          ),
        )}
        <TierActions onRename={() => tierId && setRenaming(tierId)} />
      </div>
      <div className="tierbar__hint" data-testid="view-hint">
        {view === 'host'
          ? `By host${current ? ` · ${current.name}` : ''}: services inside the hosts they run on`
          : 'By plane: services grouped by plane, labelled with their host'}
        <span className="tierbar__keys"> · scroll to zoom, drag to pan</span>
      </div>
    </nav>
  );
}
