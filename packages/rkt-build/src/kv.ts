import { RktError } from '@rkt/common';

/** `KEY=VALUE` → [KEY, VALUE]; the value may contain `=`. */
export function splitKeyValue(flag: string, text: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) throw usage(flag, text, 'expected KEY=VALUE');
  return [text.slice(0, i), text.slice(i + 1)];
}

/** `a=1,b=2` → {a:'1', b:'2'}; keys must be unique. */
export function splitKeyValueList(flag: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const [k, v] = splitKeyValue(flag, part);
    if (out.has(k)) throw usage(flag, text, `"${k}" given twice`);
    out.set(k, v);
  }
  return out;
}

export function parseBool(flag: string, text: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw usage(flag, text, `expected true or false, got "${text}"`);
}

export function parseUint(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw usage(flag, text, `expected a non-negative integer, got "${text}"`);
  return Number(text);
}

export function usage(flag: string, value: string, reason: string): RktError {
  return new RktError('BAD_FLAG', `--${flag}=${value}: ${reason}`);
}
