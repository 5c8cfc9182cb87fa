import { describe, expect, it, vi } from 'vitest';
import { mayClose, windowTitle, WindowDocument } from './document-state';

const shop = { name: 'shop.stackdraft.yaml', path: '/home/me/shop.stackdraft.yaml', dirty: false };

describe('windowTitle', () => {
  it('shows the file name, and a dot for unsaved work except on macOS', () => {
    expect(windowTitle(null, 'linux')).toBe('Stackdraft');
    expect(windowTitle(shop, 'linux')).toBe('shop.stackdraft.yaml — Stackdraft');
    expect(windowTitle({ ...shop, dirty: true }, 'win32')).toBe('● shop.stackdraft.yaml — Stackdraft');
    expect(windowTitle({ ...shop, dirty: true }, 'darwin')).toBe('shop.stackdraft.yaml — Stackdraft');
  });
});

describe('mayClose', () => {
  it('closes at once when nothing is unsaved, without asking', async () => {
    const ask = vi.fn();
    const document = new WindowDocument();
    expect(await mayClose(document, ask, vi.fn())).toBe(true);
    document.set(shop);
    expect(await mayClose(document, ask, vi.fn())).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks with unsaved work: cancel keeps the window, discard closes it', async () => {
    const document = new WindowDocument();
    document.set({ ...shop, dirty: true });
    const requestSave = vi.fn();
    expect(await mayClose(document, async () => 'cancel', requestSave)).toBe(false);
    expect(await mayClose(document, async (state) => (state.name === shop.name ? 'discard' : 'cancel'), requestSave)).toBe(true);
    expect(requestSave).not.toHaveBeenCalled();
  });

  it('"save" closes only once the renderer reports the document saved', async () => {
    const document = new WindowDocument();
    document.set({ ...shop, dirty: true });
    const closing = mayClose(document, async () => 'save', () => setTimeout(() => document.set({ ...shop, dirty: false }), 10));
    expect(await closing).toBe(true);
  });

  it('"save" that never completes (Save As cancelled) keeps the window open', async () => {
    const document = new WindowDocument();
    document.set({ ...shop, path: null, dirty: true });
    const requestSave = vi.fn();
    expect(await mayClose(document, async () => 'save', requestSave, 30)).toBe(false);
    expect(requestSave).toHaveBeenCalledOnce();
  });
});
