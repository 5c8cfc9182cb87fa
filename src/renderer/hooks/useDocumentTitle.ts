import { useEffect } from 'react';
import { useAppStore } from '../store';

/** The window title: the file name, a dot when there are unsaved changes. */
export function useDocumentTitle(): void {
  const name = useAppStore((s) => s.name);
  const dirty = useAppStore((s) => s.dirty);
  const open = useAppStore((s) => s.topology !== null);
  useEffect(() => {
    document.title = open ? `${dirty ? '● ' : ''}${name} — Stackdraft` : 'Stackdraft';
  }, [name, dirty, open]);
}
