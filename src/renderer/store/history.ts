import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { DocumentHistory } from './types';

/** The undo history (zundo's temporal store) of a store built by `createAppStore`. */
export function historyOf(api: unknown): StoreApi<TemporalState<DocumentHistory>> {
  return (api as { temporal: StoreApi<TemporalState<DocumentHistory>> }).temporal;
}
