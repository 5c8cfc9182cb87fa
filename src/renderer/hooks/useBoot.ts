import { useEffect } from 'react';
import { useAppStore } from '../store';

/** Connects to main once, when the app mounts. */
export function useBoot(): void {
  useEffect(() => {
    void useAppStore.getState().boot();
  }, []);
}
