import { useAppStore } from '../../store';

/** Work a crashed or killed session left behind, offered back once. */
export function RecoveryOffer() {
  const recovered = useAppStore((s) => s.recovered);
  const restore = useAppStore((s) => s.restoreRecovered);
  const discard = useAppStore((s) => s.discardRecovered);
  if (!recovered) return null;
  return (
    <div className="banner banner--info recovery" role="alert" data-testid="recovery-offer">
      <span>
        <strong>Unsaved work was found</strong> from {new Date(recovered.savedAt).toLocaleString()}: “{recovered.topology.name}” ({recovered.name}).
      </span>
      <span className="recovery__actions">
        <button type="button" className="btn btn--primary" onClick={restore} data-testid="recovery-restore">
          Restore
        </button>
        <button type="button" className="btn" onClick={() => void discard()} data-testid="recovery-discard">
          Discard
        </button>
      </span>
    </div>
  );
}
