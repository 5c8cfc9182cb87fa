import { describe, expect, it } from 'vitest';
import { formatCaps, formatCpu, formatMemory, formatMoney, formatPercent, formatRange } from './format';

describe('format', () => {
  it('writes cores and memory in short units', () => {
    expect(formatCpu(0.5)).toBe('0.5 cpu');
    expect(formatCpu(0.125)).toBe('0.13 cpu');
    expect(formatMemory(512)).toBe('512 MiB');
    expect(formatMemory(1024)).toBe('1 GiB');
    expect(formatMemory(1536)).toBe('1.5 GiB');
    expect(formatMemory(3 * 1024 * 1024)).toBe('3 TiB');
  });

  it('writes request–limit pairs', () => {
    expect(formatRange({ request: 0.5, limit: 1 }, 'cpu')).toBe('0.5–1 cpu');
    expect(formatRange({ request: 1, limit: 1 }, 'cpu')).toBe('1 cpu');
    expect(formatRange({ limit: 2 }, 'cpu')).toBe('≤2 cpu');
    expect(formatRange({ request: 0.25 }, 'cpu')).toBe('≥0.25 cpu');
    expect(formatRange({ request: 512, limit: 1024 }, 'memory')).toBe('512 MiB–1 GiB');
    expect(formatRange({ request: 1024, limit: 2048 }, 'memory')).toBe('1–2 GiB');
    expect(formatRange(undefined, 'memory')).toBeUndefined();
  });

  it('writes the caps line of a service', () => {
    expect(formatCaps({ cpu: { request: 0.5, limit: 1 }, memoryMiB: { request: 512, limit: 1024 } })).toBe(
      '0.5–1 cpu · 512 MiB–1 GiB',
    );
    expect(formatCaps({ memoryMiB: { limit: 256 } })).toBe('≤256 MiB');
    expect(formatCaps({})).toBe('no caps');
  });

  it('writes money and percentages', () => {
    expect(formatMoney(120, 'EUR')).toBe('€120');
    expect(formatMoney(41.5, 'EUR')).toBe('€41.50');
    expect(formatPercent(0.834)).toBe('83 %');
  });
});
