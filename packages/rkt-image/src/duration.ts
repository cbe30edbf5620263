/** Milliseconds per unit of Go's time.ParseDuration. */
const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Go's time.ParseDuration (`24h`, `1h30m`, `1.5s`, `-2m`, `0`), in milliseconds. Throws an Error with
 * Go's message (`time: invalid duration "x"`) for anything else.
 */
export function parseGoDuration(text: string): number {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest);
    if (m === null || m[0] === '') throw invalid();
    const [whole, int = '', frac, unit = ''] = m;
    if (int === '' && (frac === undefined || frac === '')) throw invalid();
    if (unit === '') throw new Error(`time: missing unit in duration ${JSON.stringify(text)}`);
    const factor = UNITS[unit];
    if (factor === undefined) {
      throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`);
    }
    total += Number(`${int || '0'}.${frac ?? ''}0`) * factor;
    rest = rest.slice(whole.length);
  }
  return sign * total;
}
