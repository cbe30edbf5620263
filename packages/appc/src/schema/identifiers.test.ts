import { describe, expect, it } from 'vitest';
import {
  isACIdentifier,
  isACName,
  readACIdentifier,
  sanitizeACIdentifier,
  sanitizeACName,
} from './identifiers.js';
import { expectManifestError } from './test-fixtures.js';

describe('isACIdentifier', () => {
  it.each([
    ['a', true],
    ['a_b', true],
    ['example.com/~u/a', true],
    ['coreos.com/etcd', true],
    ['a--b', true], // Go accepts separator runs
    ['x'.repeat(600), true],
    ['0.9', true],
    ['A', false],
    ['a-', false],
    ['-a', false],
    ['/a', false],
    ['a/', false],
    ['', false],
    ['a b', false],
    ['a:b', false],
    ['é', false],
  ])('%j → %s', (value, ok) => {
    expect(isACIdentifier(value)).toBe(ok);
  });
});

describe('isACName', () => {
  it.each([
    ['a', true],
    ['web-1', true],
    ['a--b', true],
    ['a_b', false],
    ['p.x', false],
    ['a/b', false],
    ['Web', false],
    ['-a', false],
    ['a-', false],
    ['', false],
  ])('%j → %s', (value, ok) => {
    expect(isACName(value)).toBe(ok);
  });
});

describe('sanitizers', () => {
  it.each([
    ['Example.COM/My App', 'example.com/my_app'],
    ['__a__', 'a'],
    ['/x/', 'x'],
    ['a:b@c', 'a_b_c'],
    ['ü', ''],
  ])('sanitizeACIdentifier(%j) → %j', (input, out) => {
    if (out === '') expectManifestError(() => sanitizeACIdentifier(input), 'name', 'no character usable');
    else expect(sanitizeACIdentifier(input)).toBe(out);
  });

  it.each([
    ['My_App', 'my-app'],
    ['example.com/etcd', 'example-com-etcd'],
    ['--a--', 'a'],
    ['nginx:1.9', 'nginx-1-9'],
  ])('sanitizeACName(%j) → %j', (input, out) => {
    expect(sanitizeACName(input)).toBe(out);
    expect(isACName(sanitizeACName(input))).toBe(true);
  });

  it('sanitizeACName refuses input with nothing usable, naming the field given', () => {
    expectManifestError(() => sanitizeACName('___', 'apps[0].name'), 'apps[0].name', '"___"');
  });
});

describe('readACIdentifier', () => {
  it('names the bad value', () => {
    expectManifestError(
      () => readACIdentifier('Version', 'labels[2].name'),
      'labels[2].name',
      '"Version" is not a valid AC identifier',
    );
  });
  it('requires a value', () => {
    expectManifestError(() => readACIdentifier(undefined, 'name'), 'name', 'is required');
    expectManifestError(() => readACIdentifier('', 'name'), 'name', 'is required');
  });
  it('rejects non-strings with the type and value', () => {
    expectManifestError(() => readACIdentifier(7, 'name'), 'name', 'must be a string, got number 7');
  });
});
