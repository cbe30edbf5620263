import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './go-duration.js';

describe('formatGoDuration (Go time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [3_600_000, '1h0m0s'],
    [30 * 60_000, '30m0s'],
    [24 * 3_600_000, '24h0m0s'],
    [1500, '1.5s'],
    [61_001, '1m1.001s'],
    [250, '250ms'],
    [0.0015, '1.5µs'],
    [0.000001, '1ns'],
    [-90_000, '-1m30s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
