import { describe, expect, it } from 'vitest';
import { formatResult } from './output.js';

const hex = 'ab'.repeat(64);
const result = {
  id: `sha512-${hex}`,
  key: `sha512-${hex.slice(0, 64)}`,
  name: 'a.com/x<y>',
  source: 'x.aci',
};

describe('formatResult', () => {
  it('prints rkt short hash, or the store key with --full', () => {
    expect(formatResult(result, 'text', false)).toBe(`sha512-${hex.slice(0, 32)}`);
    expect(formatResult(result, 'text', true)).toBe(result.key);
  });

  it('prints one JSON object in Go escaping', () => {
    const line = formatResult(result, 'json', false);
    expect(line).not.toContain('\n');
    expect(line).toContain('"name":"a.com/x\\u003cy\\u003e"');
    expect(JSON.parse(line)).toEqual(result);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'key', 'name', 'source']);
  });
});
