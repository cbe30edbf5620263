import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['24h', 86_400_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['0s', 0],
    ['0', 0],
    ['1.5s', 1500],
    ['.5s', 500],
    ['2.m', 120_000],
    ['-2m', -120_000],
    ['+1h', 3_600_000],
    ['250ms', 250],
    ['1500us', 1.5],
    ['1µs', 0.001],
    ['1000000ns', 1],
    ['1h1m1s1ms', 3_661_001],
  ])('%s -> %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['h', 'time: invalid duration "h"'],
    ['.s', 'time: invalid duration ".s"'],
    ['1', 'time: missing unit in duration "1"'],
    ['1h2', 'time: missing unit in duration "1h2"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1 h', 'time: unknown unit " h" in duration "1 h"'],
  ])('rejects %j like Go', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });
});
