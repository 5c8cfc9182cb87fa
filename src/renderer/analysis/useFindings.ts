import { useMemo } from 'react';
import { createIncrementalValidator, type Finding } from '../../shared/rules';
import { useAppStore } from '../store';

/**
 * One incremental validator for the window: an edit re-runs only the rules it can affect,
 * so findings follow every keystroke and drag without a visible delay.
 */
const validator = createIncrementalValidator();
const NONE: readonly Finding[] = [];

/** Findings for the open document and the tier on the canvas. */
export function useFindings(): readonly Finding[] {
  const topology = useAppStore((s) => s.topology);
  const tierId = useAppStore((s) => s.tierId);
  return useMemo(() => (topology ? validator.update(topology, tierId ?? undefined) : NONE), [topology, tierId]);
}
