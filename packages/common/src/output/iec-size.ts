/**
 * go-humanize IBytes() as vendored by rkt (no space before the unit): "5B", "512B", "1.0KiB",
 * "1.9MiB", "33MiB". One decimal below 10, none from 10 up; Go's %.0f rounds halves to even.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

export function formatIECSize(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error(`formatIECSize: invalid size ${bytes}`);
  if (bytes < 10) return `${bytes}B`;
  const e = Math.floor(Math.log(bytes) / Math.log(1024));
  const unit = UNITS[e] ?? '?';
  const tenths = Math.floor((bytes / 1024 ** e) * 10 + 0.5);
  const whole = Math.floor(tenths / 10);
  const digit = tenths % 10;
  if (tenths < 100) return `${whole}.${digit}${unit}`;
  const rounded = digit > 5 || (digit === 5 && whole % 2 === 1) ? whole + 1 : whole;
  return `${rounded}${unit}`;
}
