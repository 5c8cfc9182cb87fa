import { useAppStore } from '../../store';

/** Add a tier; duplicate, rename, move or delete the current one. */
export function TierActions({ onRename }: { onRename: () => void }) {
  const tierId = useAppStore((s) => s.tierId);
  const index = useAppStore((s) => s.topology?.tiers.findIndex((t) => t.id === s.tierId) ?? -1);
  const count = useAppStore((s) => s.topology?.tiers.length ?? 0);
  const readOnly = useAppStore((s) => s.readOnly);
  const addTier = useAppStore((s) => s.addTier);
  const duplicateTier = useAppStore((s) => s.duplicateTier);
  const moveTier = useAppStore((s) => s.moveTier);
  const deleteTier = useAppStore((s) => s.deleteTier);
  if (readOnly) return null;
  const has = tierId !== null;
  return (
    <div className="tier-actions" role="group" aria-label="Tier actions">
      <button type="button" className="btn btn--ghost btn--small" onClick={addTier} data-testid="tier-add" title="Add an empty tier">
        + Tier
      </button>
      <button type="button" className="btn btn--ghost btn--small" disabled={!has} onClick={() => duplicateTier()} data-testid="tier-duplicate" title="Copy this tier with its hosts and placements (the usual way to grow)">
        Duplicate
      </button>
      <button type="button" className="btn btn--ghost btn--small" disabled={!has} onClick={onRename} data-testid="tier-rename" title="Rename this tier">
        Rename
      </button>
      <button type="button" className="btn btn--ghost btn--small" disabled={!has || index <= 0} onClick={() => tierId && moveTier(tierId, -1)} data-testid="tier-move-left" title="Move this tier left" aria-label="Move tier left">
        ◀
      </button>
      <button type="button" className="btn btn--ghost btn--small" disabled={!has || index >= count - 1} onClick={() => tierId && moveTier(tierId, 1)} data-testid="tier-move-right" title="Move this tier right" aria-label="Move tier right">
        ▶
      </button>
      <button type="button" className="btn btn--ghost btn--small btn--danger" disabled={!has} onClick={() => deleteTier()} data-testid="tier-delete" title="Delete this tier (services stay; undo with Ctrl+Z)">
        Delete
      </button>
    </div>
  );
}
