import { describe, expect, it } from 'vitest';
import { formatIECSize } from './iec-size.js';

describe('formatIECSize', () => {
  it.each([
    [0, '0B'],
    [9, '9B'],
    [10, '10B'],
    [512, '512B'],
    [1023, '1023B'],
    [1024, '1.0KiB'],
    [1536, '1.5KiB'],
    [10 * 1024 - 1, '10KiB'],
    [1995264, '1.9MiB'],
    [4014944, '3.8MiB'],
    [33 * 1024 * 1024 + 1000, '33MiB'],
    [159 * 1024 * 1024, '159MiB'],
    [12.5 * 1024 * 1024, '12MiB'],
    [13.5 * 1024 * 1024, '14MiB'],
    [1024 ** 2 - 1, '1024KiB'],
    [1024 ** 2, '1.0MiB'],
    [1024 ** 3, '1.0GiB'],
    [5 * 1024 ** 4, '5.0TiB'],
  ])('%d -> %s', (bytes, expected) => {
    expect(formatIECSize(bytes)).toBe(expected);
  });

  it('rejects negative and fractional sizes', () => {
    expect(() => formatIECSize(-1)).toThrow('invalid size -1');
    expect(() => formatIECSize(1.5)).toThrow('invalid size 1.5');
  });
});
