import type { StateCreator, StoreMutatorIdentifier } from 'zustand';

type SetState<T> = (partial: T | Partial<T> | ((state: T) => T | Partial<T>), replace?: boolean) => void;

/**
 * Middleware that completes every state change with what follows from it (computed by
 * `compute(next, previous)`), in the same update, so that no subscriber ever sees a
 * half-updated state. Applied outside `temporal`, so that undo and redo are completed
 * too. The derived fields must not be part of the undo history.
 */
export function derive<T, Mcs extends [StoreMutatorIdentifier, unknown][] = []>(
  config: StateCreator<T, [], Mcs>,
  compute: (next: T, previous: T) => Partial<T> | null,
): StateCreator<T, [], Mcs> {
  return (set, get, api) => {
    const rawSet = api.setState as unknown as SetState<T>;
    const derivedSet: SetState<T> = (partial, replace) => {
      rawSet((state) => {
        const update = typeof partial === 'function' ? (partial as (s: T) => T | Partial<T>)(state) : partial;
        const next = (replace ? update : { ...state, ...update }) as T;
        const patch = compute(next, state);
        return patch ? ({ ...update, ...patch } as T) : update;
      }, replace as false);
    };
    api.setState = derivedSet as typeof api.setState;
    return config(derivedSet as typeof set, get, api);
  };
}
