/**
 * Go's time layout "2006-01-02 15:04:05.999 -0700 MST", which rkt uses with --full: milliseconds with
 * trailing zeros (and a bare dot) dropped, then the numeric offset and the zone abbreviation. The zone
 * is the process's local one, as in Go, or UTC. Offset 0 is named "UTC". Other names come from ICU's
 * en-US short names (EST, PDT...); where ICU has none (it says "GMT+5:30") the offset is used as
 * tzdata does for unnamed zones ("-03", "+0530"), so Go's "IST" for Asia/Kolkata becomes "+0530".
 */
export type TimeZoneChoice = 'local' | 'UTC';

export function formatFullTime(date: Date, zone: TimeZoneChoice = 'local'): string {
  const offsetMin = zone === 'UTC' ? 0 : -date.getTimezoneOffset();
  const t = new Date(date.getTime() + offsetMin * 60_000);
  const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const clock = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const frac = pad(t.getUTCMilliseconds(), 3).replace(/0+$/, '');
  return `${day} ${clock}${frac ? '.' + frac : ''} ${numericOffset(offsetMin)} ${zoneName(date, offsetMin)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function numericOffset(offsetMin: number): string {
  const abs = Math.abs(offsetMin);
  return `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function zoneName(date: Date, offsetMin: number): string {
  if (offsetMin === 0) return 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (/^[A-Z]{2,5}$/.test(name)) return name;
  const abs = Math.abs(offsetMin);
  const hours = `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}`;
  return abs % 60 === 0 ? hours : hours + pad(abs % 60);
}
