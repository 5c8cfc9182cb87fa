import { describe, expect, it } from 'vitest';
import { sameLook } from './sameLook';

describe('sameLook', () => {
  const data = { name: 'db' };
  it('does not redraw a box that only moved', () => {
    expect(sameLook({ data, selected: false, positionAbsoluteX: 10, dragging: true } as never, { data, selected: false, positionAbsoluteX: 16, dragging: true } as never)).toBe(true);
  });
  it('redraws a box whose data or selection changed', () => {
    expect(sameLook({ data, selected: false }, { data: { name: 'db2' }, selected: false })).toBe(false);
    expect(sameLook({ data, selected: false }, { data, selected: true })).toBe(false);
  });
});
