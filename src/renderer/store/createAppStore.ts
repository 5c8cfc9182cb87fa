import { temporal } from 'zundo';
import { create } from 'zustand';
import { createCanvasSlice } from './canvasSlice';
import { derive } from './derive';
import { createDeploySlice } from './deploySlice';
import { createDocumentSlice } from './documentSlice';
import { createEditorSlice } from './editorSlice';
import { createRecoverySlice } from './recoverySlice';
import { deriveState } from './logic';
import { createSelectionSlice } from './selectionSlice';
import type { AppState, DocumentHistory, StoreDeps } from './types';
import { createUiSlice } from './uiSlice';

/** How many edits undo can go back. */
export const UNDO_LIMIT = 200;

/**
 * The one store: slices combined, with `temporal` (undo) recording only the document and
 * `derive` completing every change with what follows from it (dirty, nodes, edges).
 */
export function createAppStore(deps: StoreDeps) {
  return create<AppState>()(
    derive(
      temporal<AppState, [], [], DocumentHistory>(
        (...a) => ({
          ...createDocumentSlice(deps)(...a),
          ...createUiSlice(deps)(...a),
          ...createSelectionSlice(...a),
          ...createDeploySlice(deps)(...a),
          ...createCanvasSlice(...a),
          ...createEditorSlice(deps)(...a),
          ...createRecoverySlice(deps)(...a),
        }),
        {
          partialize: (state) => ({ topology: state.topology }),
          // Record only when the document changed: selection, tier, view and canvas state never enter history.
          equality: (past, current) => past.topology === current.topology,
          limit: UNDO_LIMIT,
        },
      ),
      deriveState,
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
