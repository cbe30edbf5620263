import { afterEach, describe, expect, it } from 'vitest';
import { formatFullTime } from './full-time.js';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('formatFullTime', () => {
  it.each([
    ['2026-11-28T18:31:16.420Z', '2026-11-28 18:31:16.42 +0000 UTC'],
    ['2026-11-28T18:31:13.397Z', '2026-11-28 18:31:13.397 +0000 UTC'],
    ['2026-11-28T18:31:26.270Z', '2026-11-28 18:31:26.27 +0000 UTC'],
    ['2026-11-28T18:31:18.100Z', '2026-11-28 18:31:18.1 +0000 UTC'],
    ['2026-01-02T03:04:05.000Z', '2026-01-02 03:04:05 +0000 UTC'],
    ['0999-12-31T23:59:59.009Z', '0999-12-31 23:59:59.009 +0000 UTC'],
  ])('%s in UTC -> %s', (iso, expected) => {
    expect(formatFullTime(new Date(iso), 'UTC')).toBe(expected);
  });

  it('uses the local zone by default', () => {
    process.env.TZ = 'America/New_York';
    expect(formatFullTime(new Date('2026-11-28T18:31:16.420Z'))).toBe('2026-11-28 13:31:16.42 -0500 EST');
    expect(formatFullTime(new Date('2026-07-01T12:00:00.000Z'))).toBe('2026-07-01 08:00:00 -0400 EDT');
  });

  it('names zones without an abbreviation by their offset, and offset 0 UTC', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(formatFullTime(new Date('2026-11-28T18:31:16.000Z'))).toBe('2026-11-29 00:01:16 +0530 +0530');
    process.env.TZ = 'America/Sao_Paulo';
    expect(formatFullTime(new Date('2026-11-28T18:31:16.000Z'))).toBe('2026-11-28 15:31:16 -0300 -03');
    process.env.TZ = 'Etc/UTC';
    expect(formatFullTime(new Date('2026-11-28T18:31:16.000Z'))).toBe('2026-11-28 18:31:16 +0000 UTC');
  });
});
