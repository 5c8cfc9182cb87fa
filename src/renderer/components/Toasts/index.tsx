import { useEffect } from 'react';
import { useAppStore, type StatusMessage } from '../../store';
import { Icon } from '../Icon';

const LIFETIME_MS: Record<StatusMessage['kind'], number> = { success: 4000, info: 6000, error: 12000 };

function Toast({ status }: { status: StatusMessage }) {
  const dismiss = useAppStore((s) => s.dismissStatus);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(status.id), LIFETIME_MS[status.kind]);
    return () => window.clearTimeout(timer);
  }, [dismiss, status.id, status.kind]);
  return (
    <div className={`toast toast--${status.kind}`} data-testid="toast" data-kind={status.kind} role={status.kind === 'error' ? 'alert' : 'status'}>
      <span className="toast__text">{status.text}</span>
      <button type="button" className="toast__close" onClick={() => dismiss(status.id)} aria-label="Dismiss">
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

/** Short messages: saved, unchanged, failed. */
export function Toasts() {
  const statuses = useAppStore((s) => s.statuses);
  return (
    <div className="toasts" aria-live="polite">
      {statuses.map((status) => (
        <Toast key={status.id} status={status} />
      ))}
    </div>
  );
}
