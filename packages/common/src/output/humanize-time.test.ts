import { describe, expect, it } from 'vitest';
import { humanizeTime } from './humanize-time.js';

const NOW = new Date('2026-11-28T18:31:16.420Z');
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const ago = (ms: number) => humanizeTime(new Date(NOW.getTime() - ms), NOW);

describe('humanizeTime', () => {
  it.each([
    [0, 'now'],
    [999, 'now'],
    [S, '1 second ago'],
    [2 * S - 1, '1 second ago'],
    [2 * S, '2 seconds ago'],
    [59 * S + 999, '59 seconds ago'],
    [M, '1 minute ago'],
    [2 * M, '2 minutes ago'],
    [59 * M, '59 minutes ago'],
    [H, '1 hour ago'],
    [23 * H + 59 * M, '23 hours ago'],
    [D, '1 day ago'],
    [6 * D, '6 days ago'],
    [7 * D, '1 week ago'],
    [14 * D, '2 weeks ago'],
    [29 * D, '4 weeks ago'],
    [30 * D, '1 month ago'],
    [60 * D, '2 months ago'],
    [359 * D, '11 months ago'],
    [360 * D, '1 year ago'],
    [540 * D, '2 years ago'],
    [720 * D, '2 years ago'],
    [1080 * D, '3 years ago'],
    [37 * 360 * D, 'a long while ago'],
  ])('%d ms ago -> %s', (ms, expected) => {
    expect(ago(ms)).toBe(expected);
  });

  it('says "from now" for the future and "now" within a second either way', () => {
    expect(ago(-3 * M)).toBe('3 minutes from now');
    expect(ago(-S)).toBe('1 second from now');
    expect(ago(-500)).toBe('now');
  });

  it('defaults now to the current time', () => {
    expect(humanizeTime(new Date(Date.now() - 5 * M - 10 * S))).toBe('5 minutes ago');
  });
});
