import { describe, expect, it } from 'vitest';
import { filesToOpen } from './command-line';

describe('filesToOpen', () => {
  it('keeps YAML files, resolved against the working folder, and skips flags', () => {
    expect(filesToOpen(['--no-sandbox', 'shop.stackdraft.yaml', '/abs/b.YML', '--inspect=x.yaml', 'notes.txt', '.'], '/home/me')).toEqual([
      '/home/me/shop.stackdraft.yaml',
      '/abs/b.YML',
    ]);
  });
});
