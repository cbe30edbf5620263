/**
 * go-humanize's Time(): relative time in the magnitudes rkt prints ("now", "1 second ago",
 * "3 minutes ago", ..., "2 years ago", "a long while ago"; "from now" for the future). Counts are
 * truncated, months are 30 days and years 12 such months, as in humanize.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 12 * MONTH;
const LONG_TIME = 37 * YEAR;

/** Below `under` ms: print `format` with %d = floor(diff / divBy) and %s = the direction label. */
const MAGNITUDES: readonly { under: number; format: string; divBy: number }[] = [
  { under: SECOND, format: 'now', divBy: SECOND },
  { under: 2 * SECOND, format: '1 second %s', divBy: 1 },
  { under: MINUTE, format: '%d seconds %s', divBy: SECOND },
  { under: 2 * MINUTE, format: '1 minute %s', divBy: 1 },
  { under: HOUR, format: '%d minutes %s', divBy: MINUTE },
  { under: 2 * HOUR, format: '1 hour %s', divBy: 1 },
  { under: DAY, format: '%d hours %s', divBy: HOUR },
  { under: 2 * DAY, format: '1 day %s', divBy: 1 },
  { under: WEEK, format: '%d days %s', divBy: DAY },
  { under: 2 * WEEK, format: '1 week %s', divBy: 1 },
  { under: MONTH, format: '%d weeks %s', divBy: WEEK },
  { under: 2 * MONTH, format: '1 month %s', divBy: 1 },
  { under: YEAR, format: '%d months %s', divBy: MONTH },
  { under: 18 * MONTH, format: '1 year %s', divBy: 1 },
  { under: 2 * YEAR, format: '2 years %s', divBy: 1 },
  { under: LONG_TIME, format: '%d years %s', divBy: YEAR },
  { under: Infinity, format: 'a long while %s', divBy: 1 },
];

export function humanizeTime(date: Date, now: Date = new Date()): string {
  let diff = now.getTime() - date.getTime();
  let label = 'ago';
  if (diff < 0) {
    diff = -diff;
    label = 'from now';
  }
  const mag = MAGNITUDES.find((m) => m.under > diff) ?? MAGNITUDES[MAGNITUDES.length - 1]!;
  return mag.format.replace('%d', String(Math.floor(diff / mag.divBy))).replace('%s', label);
}
