/**
 * What the window shows: the open document's name, path and whether it has unsaved
 * changes. The renderer reports it (`window.setDocumentState`); the shell derives the
 * title and asks before closing a window with unsaved work.
 */
export interface DocumentState {
  name: string;
  path: string | null;
  dirty: boolean;
}

export const APP_NAME = 'Stackdraft';

export class WindowDocument {
  private current: DocumentState | null = null;
  private readonly listeners = new Set<(state: DocumentState | null) => void>();

  get state(): DocumentState | null {
    return this.current;
  }

  get dirty(): boolean {
    return this.current?.dirty ?? false;
  }

  /** null = nothing is open. */
  set(state: DocumentState | null): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  onChange(listener: (state: DocumentState | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once `predicate` holds, false after `timeoutMs` without it. */
  waitFor(predicate: (state: DocumentState | null) => boolean, timeoutMs: number): Promise<boolean> {
    if (predicate(this.current)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onChange((state) => {
        if (!predicate(state)) return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }
}

/**
 * `● shop.stackdraft.yaml — Stackdraft`. macOS shows the dirty state in the close button
 * (`setDocumentEdited`), so the dot is left out there.
 */
export function windowTitle(state: DocumentState | null, platform: NodeJS.Platform): string {
  if (state === null) return APP_NAME;
  const marker = state.dirty && platform !== 'darwin' ? '● ' : '';
  return `${marker}${state.name} — ${APP_NAME}`;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/**
 * Whether a window may close. With unsaved work the user is asked; "save" asks the
 * renderer to save and waits until it reports a clean document (a cancelled Save As or a
 * failed save keeps the window open).
 */
export async function mayClose(
  document: WindowDocument,
  ask: (state: DocumentState) => Promise<CloseChoice>,
  requestSave: () => void,
  saveTimeoutMs = 120_000,
): Promise<boolean> {
  const state = document.state;
  if (state === null || !state.dirty) return true;
  const choice = await ask(state);
  switch (choice) {
    case 'discard':
      return true;
    case 'cancel':
      return false;
    case 'save':
      requestSave();
      return document.waitFor((s) => s === null || !s.dirty, saveTimeoutMs);
  }
}
