import { useAnalysisUi } from '../analysis/analysisStore';
import { historyOf, type AppStore } from '../store';
import type { Command } from './registry';
import { useTierRename } from './tierRename';

/** The Edit and Tier menus: each command is a store action, enabled when it would do something. */
export function editorCommands(store: AppStore): Command[] {
  const s = () => store.getState();
  const history = () => historyOf(store).getState();
  const editable = () => s().topology !== null && !s().readOnly;
  const hasSelection = () => s().selectedNodeIds.length > 0;
  const tiers = () => s().topology?.tiers ?? [];
  const hasTier = () => editable() && s().tierId !== null;
  const stepTier = (step: 1 | -1) => {
    const index = Math.max(0, tiers().findIndex((t) => t.id === s().tierId));
    s().setTier(tiers()[(index + step + tiers().length) % tiers().length]!.id);
  };

  return [
    { id: 'edit.undo', run: () => s().undo(), enabled: () => editable() && history().pastStates.length > 0 },
    { id: 'edit.redo', run: () => s().redo(), enabled: () => editable() && history().futureStates.length > 0 },
    { id: 'edit.cut', run: () => s().cut(), enabled: () => editable() && hasSelection() },
    { id: 'edit.copy', run: () => s().copy(), enabled: () => s().topology !== null && hasSelection() },
    { id: 'edit.paste', run: () => s().paste(), enabled: () => editable() && s().clipboard !== null },
    { id: 'edit.duplicate', run: () => s().duplicate(), enabled: () => editable() && hasSelection() },
    { id: 'edit.delete', run: () => s().deleteSelection(), enabled: () => editable() && (hasSelection() || s().selectedEdgeIds.length > 0) },
    { id: 'edit.selectAll', run: () => s().selectAll(), enabled: () => s().topology !== null },

    { id: 'tier.previous', run: () => stepTier(-1), enabled: () => tiers().length > 1 },
    { id: 'tier.next', run: () => stepTier(1), enabled: () => tiers().length > 1 },
    {
      // "New Tier…": the new tab opens as a name field.
      id: 'tier.new',
      run: () => {
        s().addTier();
        const tierId = s().tierId;
        if (tierId) useTierRename.getState().start(tierId);
      },
      enabled: editable,
    },
    { id: 'tier.duplicate', run: () => s().duplicateTier(), enabled: hasTier },
    { id: 'tier.rename', run: () => useTierRename.getState().start(s().tierId!), enabled: hasTier },
    { id: 'tier.delete', run: () => s().deleteTier(), enabled: hasTier },
    {
      id: 'tier.compare',
      run: () => useAnalysisUi.getState().setComparisonOpen(!useAnalysisUi.getState().comparisonOpen),
      enabled: () => tiers().length > 0,
      checked: () => useAnalysisUi.getState().comparisonOpen,
    },
  ];
}
