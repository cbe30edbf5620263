/** Go's time.Duration.String() for a duration in milliseconds: `0s`, `1h0m0s`, `1.5s`, `250ms`. */
export function formatGoDuration(ms: number): string {
  let ns = BigInt(Math.round(ms * 1e6));
  const sign = ns < 0n ? '-' : '';
  if (ns < 0n) ns = -ns;
  if (ns === 0n) return '0s';
  if (ns < 1_000_000_000n) {
    const [unit, size] =
      ns < 1_000n ? ['ns', 1n] : ns < 1_000_000n ? ['µs', 1_000n] : (['ms', 1_000_000n] as const);
    return sign + fixed(ns, size) + unit;
  }
  const h = ns / 3_600_000_000_000n;
  const m = (ns / 60_000_000_000n) % 60n;
  const s = fixed(ns % 60_000_000_000n, 1_000_000_000n) + 's';
  if (h > 0n) return `${sign}${h}h${m}m${s}`;
  if (m > 0n) return `${sign}${m}m${s}`;
  return sign + s;
}

/** `value / unit` with the fraction's trailing zeros dropped. */
function fixed(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const digits = unit.toString().length - 1;
  const frac = (value % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac === '' ? whole.toString() : `${whole}.${frac}`;
}
