import { useAppStore } from '../../store';

/** Deleting something others depend on, or a host with services, says what goes with it first. */
export function DeleteConfirm() {
  const pending = useAppStore((s) => s.pendingDeletion);
  const confirm = useAppStore((s) => s.confirmDeletion);
  const cancel = useAppStore((s) => s.cancelDeletion);
  if (!pending) return null;
  const { impact } = pending;
  return (
    <div className="modal" onClick={cancel}>
      <div className="modal__box" role="dialog" aria-modal="true" aria-labelledby="delete-title" data-testid="delete-confirm" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
        <h2 id="delete-title">Delete {pending.label}?</h2>
        <ul className="modal__list" data-testid="delete-impact">
          {impact.dependents.length > 0 ? <li>Depended on by <strong>{impact.dependents.join(', ')}</strong>: they lose that dependency.</li> : null}
          {impact.dependencies.length > 0 ? <li>{impact.dependencies.length} {impact.dependencies.length === 1 ? 'dependency is' : 'dependencies are'} removed: {impact.dependencies.map((d) => `${d.from} → ${d.to}`).join(', ')}.</li> : null}
          {impact.unplaced.length > 0 ? <li>Back to the unplaced tray: <strong>{impact.unplaced.join(', ')}</strong>.</li> : null}
          {impact.withoutPlane.length > 0 ? <li>Left without a plane: <strong>{impact.withoutPlane.join(', ')}</strong>.</li> : null}
        </ul>
        <p className="modal__note">You can undo this with Ctrl+Z.</p>
        <div className="modal__actions">
          <button type="button" className="btn" onClick={cancel} data-testid="delete-cancel">
            Cancel
          </button>
          <button type="button" className="btn btn--primary btn--danger-fill" onClick={confirm} data-testid="delete-confirm-button" autoFocus>
            Delete
          </button>
        </div>
      </div>
    </div>
  );
}
