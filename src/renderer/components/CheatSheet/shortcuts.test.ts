import { describe, expect, it } from 'vitest';
import { matchShortcut } from './shortcuts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  matchShortcut({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt })?.action;

describe('shortcuts', () => {
  it('maps keys to actions, with ⌘ as Ctrl', () => {
    expect(key('z', { ctrl: true })).toBe('undo');
    expect(key('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(key('z', { meta: true })).toBe('undo');
    expect(key('d', { ctrl: true })).toBe('duplicate');
    expect(key('Delete')).toBe('deleteSelection');
    expect(key('?', { shift: true })).toBe('cheatSheet');
    expect(key('!', { shift: true })).toBe('fitView');
  });

  it('ignores plain letters and Alt combinations', () => {
    expect(key('z')).toBeUndefined();
    expect(key('z', { ctrl: true, alt: true })).toBeUndefined();
  });
});
