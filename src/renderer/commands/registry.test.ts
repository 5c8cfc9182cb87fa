import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry, currentPlatform } from './registry';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('CommandRegistry', () => {
  it('runs a registered command and reports unregistered ones as disabled', async () => {
    const registry = new CommandRegistry();
    const save = vi.fn();
    registry.register({ id: 'file.save', run: save });
    expect(registry.run('file.save')).toBe(true);
    await Promise.resolve();
    expect(save).toHaveBeenCalledOnce();
    expect(registry.state('edit.undo')).toEqual({ registered: false, enabled: false, checked: false });
    expect(registry.run('edit.undo')).toBe(false);
  });

  it('does not run a disabled command', async () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    let enabled = false;
    registry.register({ id: 'file.save', run, enabled: () => enabled });
    expect(registry.run('file.save')).toBe(false);
    enabled = true;
    expect(registry.state('file.save').enabled).toBe(true);
    expect(registry.run('file.save')).toBe(true);
    await Promise.resolve();
    expect(run).toHaveBeenCalledOnce();
  });

  it('unregisters only what it registered, and tells subscribers', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const first = registry.register({ id: 'view.zoomIn', run: () => undefined });
    const second = registry.register({ id: 'view.zoomIn', run: () => undefined });
    first();
    expect(registry.state('view.zoomIn').registered).toBe(true);
    second();
    expect(registry.state('view.zoomIn').registered).toBe(false);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('finds the command for a shortcut from the menu model, per platform', () => {
    const registry = new CommandRegistry();
    registry.register({ id: 'file.saveAs', run: () => undefined }, { id: 'file.save', run: () => undefined });
    expect(registry.commandForKey(key('S', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('file.saveAs');
    expect(registry.commandForKey(key('s', { ctrlKey: true }), 'linux')).toBe('file.save');
    expect(registry.commandForKey(key('s', { metaKey: true }), 'darwin')).toBe('file.save');
    expect(registry.commandForKey(key('s', { ctrlKey: true }), 'darwin')).toBeUndefined();
    // Not registered: the key is left to the page (e.g. undo in a text field).
    expect(registry.commandForKey(key('z', { ctrlKey: true }), 'linux')).toBeUndefined();
  });

  it('logs a command that throws instead of breaking the menu', async () => {
    const registry = new CommandRegistry();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registry.register({ id: 'help.about', run: () => Promise.reject(new Error('boom')) });
    expect(registry.run('help.about')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(error).toHaveBeenCalledWith('Command help.about failed', expect.any(Error));
    error.mockRestore();
  });
});

describe('currentPlatform', () => {
  it('reads the platform from the user agent', () => {
    expect(currentPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe('darwin');
    expect(currentPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('win32');
    expect(currentPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
  });
});
