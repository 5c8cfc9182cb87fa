import { describe, expect, it } from 'vitest';
import { dockerName, slugify, uniqueId } from './names';

describe('names', () => {
  it('accepts Docker names and rejects what Docker would refuse', () => {
    for (const ok of ['web', 'pg-app', 'redis_erp', 'a.b', '0day']) expect(dockerName.safeParse(ok).success).toBe(true);
    for (const bad of ['', '-web', 'web server', 'web/1', 'ü', 'x'.repeat(64), '$(id)', 'a\nb']) {
      expect(dockerName.safeParse(bad).success).toBe(false);
    }
  });

  it('slugifies labels into ids that start with a letter', () => {
    expect(slugify('Customer Portal')).toBe('customer-portal');
    expect(slugify('  42 Café!! ')).toBe('cafe');
    expect(slugify('!!!')).toBe('item');
  });

  it('makes ids unique by numbering', () => {
    expect(uniqueId('web', new Set())).toBe('web');
    expect(uniqueId('web', new Set(['web', 'web-2']))).toBe('web-3');
  });
});
