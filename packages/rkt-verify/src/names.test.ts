import { describe, expect, it } from 'vitest';
import { checkImageName, checkPrefix, isValidPrefix, pathPrefixes, prefixCovers } from './names.js';

describe('checkPrefix', () => {
  it.each(['example.com', 'example.com/app', 'a.b-c_d~e/x/y'])('accepts %s', (p) => {
    expect(checkPrefix(p)).toBe(p);
  });
  it.each([
    ['https://example.com/app', /must not contain a URL scheme, omit https:\/\//],
    ['', /empty/],
    ['Example.com', /not an AC identifier/],
    ['/example.com', /not an AC identifier/],
    ['example.com/../x', /"\.\." path components/],
    ['example.com//x', /empty, "\." and "\.\." path components/],
    ['a/./b', /path components/],
    ['example.com/*', /not an AC identifier/],
  ])('refuses %j', (p, message) => {
    expect(() => checkPrefix(p)).toThrow(message);
    expect(isValidPrefix(p)).toBe(false);
  });
  it('has its own code for image names', () => {
    expect(() => checkImageName('a/../b')).toThrow(expect.objectContaining({ code: 'INVALID_IMAGE_NAME' }));
  });
});

describe('prefix matching', () => {
  it.each([
    ['a.com/b', 'a.com/b', true],
    ['a.com/b', 'a.com/b/c', true],
    ['a.com', 'a.com/b/c', true],
    ['a.com/b', 'a.com/bc', false],
    ['a.com/b/c', 'a.com/b', false],
  ])('%s covers %s: %s', (prefix, name, expected) => {
    expect(prefixCovers(prefix, name)).toBe(expected);
    expect(pathPrefixes(name).includes(prefix)).toBe(expected);
  });
  it('lists path prefixes shortest first', () => {
    expect(pathPrefixes('a.com/b/c')).toEqual(['a.com', 'a.com/b', 'a.com/b/c']);
  });
});
