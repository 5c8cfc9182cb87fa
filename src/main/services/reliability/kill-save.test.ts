import { describe, expect, it } from 'vitest';
import { killWhileSaving } from './kill-save';

// The fast part of the kill-while-saving trials (`npm run reliability` runs 1,000).
describe('a save killed at a random moment', () => {
  it('leaves exactly the old or the new version on disk, and the backup', async () => {
    const tally = await killWhileSaving(12);
    expect(tally).toMatchObject({ trials: 12, torn: 0, missing: 0 });
  }, 120_000);
});
