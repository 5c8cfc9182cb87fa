import { describe, expect, it } from 'vitest';
import { memoryText, parseCores, parseMemory, parseNumber } from './units';

describe('units typed in the inspector', () => {
  it('reads memory in MiB or GiB and says what is wrong', () => {
    expect(parseMemory('512')).toEqual({ value: 512 });
    expect(parseMemory('2 GiB')).toEqual({ value: 2048 });
    expect(parseMemory('1.5g')).toEqual({ value: 1536 });
    expect(parseMemory('', true)).toEqual({ value: undefined });
    expect(parseMemory('')).toEqual({ error: 'needs a size, e.g. 512 MiB or 2 GiB' });
    expect(parseMemory('lots')).toEqual({ error: 'must be a size like 512 MiB or 2 GiB' });
    expect(parseMemory('0.3 MiB')).toEqual({ error: 'must come to a whole number of MiB' });
    expect([memoryText(2048), memoryText(1536), memoryText(undefined)]).toEqual(['2 GiB', '1536 MiB', '']);
  });

  it('reads cores as decimals or millicores', () => {
    expect(parseCores('0.5')).toEqual({ value: 0.5 });
    expect(parseCores('250m')).toEqual({ value: 0.25 });
    expect(parseCores('0')).toEqual({ error: 'must be more than 0 cores' });
    expect(parseCores('two')).toEqual({ error: 'must be a number of cores like 0.5 or 500m' });
  });

  it('checks bounds of plain numbers', () => {
    expect(parseNumber('3', { integer: true, min: 0, max: 64 })).toEqual({ value: 3 });
    expect(parseNumber('65', { max: 64 })).toEqual({ error: 'must be at most 64' });
    expect(parseNumber('1.5', { integer: true })).toEqual({ error: 'must be a whole number' });
  });
});
