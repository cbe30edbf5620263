import { describe, expect, it } from 'vitest';
import { getKey, stringMap } from './json.js';
import { expectManifestError } from './test-fixtures.js';

describe('getKey', () => {
  it('matches ASCII case-insensitively, last match wins (Go encoding/json)', () => {
    expect(getKey({ acKind: 'a' }, 'acKind')).toBe('a');
    expect(getKey({ ACKIND: 'b' }, 'acKind')).toBe('b');
    expect(getKey({ acKind: 'a', ackind: 'b' }, 'acKind')).toBe('b');
    expect(getKey({ ackind: 'b', acKind: 'a' }, 'acKind')).toBe('a');
  });

  it('reads null as absent', () => {
    expect(getKey({ x: null }, 'x')).toBeUndefined();
  });

  it('does not fold non-ASCII letters', () => {
    expect(getKey({ 'na\u212Ae': 1 }, 'nake')).toBeUndefined();
  });

  it('never reads inherited properties', () => {
    expect(getKey({}, 'constructor')).toBeUndefined();
    expect(getKey({}, 'toString')).toBeUndefined();
  });
});

describe('stringMap', () => {
  it('keeps a __proto__ key as data', () => {
    const map = stringMap(JSON.parse('{"__proto__":"x","a":"b"}'), 'userLabels');
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).toEqual(['__proto__', 'a']);
  });

  it('names the bad key', () => {
    expectManifestError(() => stringMap({ 'a.b': 1 }, 'm'), 'm["a.b"]', 'must be a string, got number 1');
  });
});
