/**
 * JSON as Go's encoding/json (go1.19, the observed rkt) writes it, so output matches rkt byte for byte:
 * `<`, `>`, `&`, U+2028 and U+2029 escaped as \u00XX / \u20XX; control characters other than \n \r \t
 * as \u00XX; lone surrogates replaced by U+FFFD; bigint written as a plain number (nanosecond
 * timestamps exceed 2^53). Keys keep insertion order (callers build objects in Go's struct order);
 * undefined properties are omitted, like `omitempty` on absent fields. json-pretty = MarshalIndent
 * with a tab. No trailing newline.
 */
export type JsonFormat = 'json' | 'json-pretty';

export function formatJson(value: unknown, format: JsonFormat): string {
  return encode(value, format === 'json-pretty' ? '\n' : '', format === 'json-pretty');
}

function encode(value: unknown, newline: string, pretty: boolean): string {
  const v = toJsonValue(value);
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`formatJson: unsupported value ${v}`);
      return Object.is(v, -0) ? '-0' : String(v);
    case 'string':
      return quote(v);
    case 'object':
      return encodeContainer(v, newline, pretty);
    default:
      throw new Error(`formatJson: unsupported type ${typeof v}`);
  }
}

function encodeContainer(v: object, newline: string, pretty: boolean): string {
  const inner = pretty ? newline + '\t' : '';
  const sep = pretty ? ': ' : ':';
  let parts: string[];
  let open: string;
  let close: string;
  if (Array.isArray(v)) {
    [open, close] = ['[', ']'];
    parts = v.map((item: unknown) => encode(item === undefined ? null : item, inner, pretty));
  } else {
    [open, close] = ['{', '}'];
    parts = Object.entries(v)
      .filter(([, item]) => item !== undefined && typeof item !== 'function')
      .map(([key, item]) => quote(key) + sep + encode(item, inner, pretty));
  }
  if (parts.length === 0) return open + close;
  return open + inner + parts.join(',' + inner) + newline + close;
}

function toJsonValue(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  ) {
    return (value.toJSON as () => unknown)();
  }
  return value;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (code < 0x20) out += ESCAPES[ch] ?? '\\u' + code.toString(16).padStart(4, '0');
    else out += ESCAPES[ch] ?? ch;
  }
  return out + '"';
}
