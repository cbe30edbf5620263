import { RktError } from '@rkt/common';

/** `K=V` (value may contain `=`). */
export function keyValue(flag: string, text: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) throw bad(flag, text, 'expected KEY=VALUE');
  return [text.slice(0, i), text.slice(i + 1)];
}

/** `a=1,b=2` with unique keys; the first item may be a bare word (returned under key ''). */
export function keyValueList(flag: string, text: string, bareFirst = false): Map<string, string> {
  const out = new Map<string, string>();
  text.split(',').forEach((part, i) => {
    if (bareFirst && i === 0 && !part.includes('=')) {
      out.set('', part);
      return;
    }
    const [k, v] = keyValue(flag, part);
    if (out.has(k)) throw bad(flag, text, `"${k}" given twice`);
    out.set(k, v);
  });
  return out;
}

export function boolValue(flag: string, text: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw bad(flag, text, `expected true or false`);
}

export function intValue(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw bad(flag, text, 'expected an integer');
  return Number(text);
}

export function bad(flag: string, value: string, reason: string): RktError {
  return new RktError('BAD_FLAG', `--${flag}=${value}: ${reason}`);
}
