import { useAppStore } from '../../store';
import { Icon } from '../Icon';

/** Says why the file cannot be saved in place, and what to do instead. */
export function ReadOnlyBanner() {
  const readOnly = useAppStore((s) => s.readOnly);
  const notice = useAppStore((s) => s.notice);
  if (!readOnly) return null;
  return (
    <div className="banner banner--warning" data-testid="readonly-banner" role="status">
      <Icon name="lock" />
      <span>
        <strong>Read-only.</strong> {notice ?? 'This file cannot be saved in place.'} Use Save As to keep a copy.
      </span>
    </div>
  );
}
