import { useStore } from 'zustand';
import { appHistory, useAppStore } from '../../store';

/** Undo/redo, layout and view controls above the canvas; every button is a named store action. */
export function EditorBar() {
  const canUndo = useStore(appHistory, (h) => h.pastStates.length > 0);
  const canRedo = useStore(appHistory, (h) => h.futureStates.length > 0);
  const readOnly = useAppStore((s) => s.readOnly);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const snap = useAppStore((s) => s.snapToGrid);
  const toggleSnap = useAppStore((s) => s.toggleSnapToGrid);
  const layoutRunning = useAppStore((s) => s.layoutRunning);
  const autoLayout = useAppStore((s) => s.autoLayout);
  const cancelLayout = useAppStore((s) => s.cancelLayout);
  const find = useAppStore((s) => s.find);
  const cheatSheet = useAppStore((s) => s.toggleCheatSheet);
  return (
    <div className="editorbar" role="toolbar" aria-label="Editor">
      <button type="button" className="btn btn--ghost btn--small" onClick={undo} disabled={!canUndo || readOnly} data-testid="undo-button" title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={redo} disabled={!canRedo || readOnly} data-testid="redo-button" title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <span className="editorbar__sep" />
      {layoutRunning ? (
        <button type="button" className="btn btn--ghost btn--small" onClick={cancelLayout} data-testid="layout-cancel" title="Stop the auto-layout">
          Cancel layout
        </button>
      ) : (
        <button type="button" className="btn btn--ghost btn--small" onClick={() => void autoLayout()} disabled={readOnly} data-testid="layout-button" title="Arrange the boxes by dependencies (Ctrl+Shift+L)">
          Auto-layout
        </button>
      )}
      <button type="button" className={snap ? 'btn btn--ghost btn--small is-on' : 'btn btn--ghost btn--small'} onClick={toggleSnap} aria-pressed={snap} data-testid="snap-toggle" title="Snap to grid (Ctrl+G)">
        Snap
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={find} data-testid="find-button" title="Find a node (Ctrl+F)">
        Find
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => cheatSheet()} data-testid="shortcuts-button" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
