import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, decodeImageManifest, decodePodManifest, parseManifestJson } from './decode.js';
import { expectManifestError } from './test-fixtures.js';

const image = '{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/app"}';

describe('decode', () => {
  it('accepts text and bytes', () => {
    const expected = { acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/app' };
    expect(decodeImageManifest(image)).toEqual(expected);
    expect(decodeImageManifest(new TextEncoder().encode(image))).toEqual(expected);
    expect(decodePodManifest('{"acKind":"PodManifest"}')).toEqual({ acKind: 'PodManifest', apps: [] });
  });

  it.each([
    ['trailing garbage', `${image}x`],
    ['two objects', `${image}${image}`],
    ['truncated', image.slice(0, -1)],
    ['comment', `// c\n${image}`],
    ['empty', ''],
    ['single quotes', "{'acKind':'ImageManifest'}"],
  ])('rejects invalid JSON: %s', (_name, text) => {
    const err = expectManifestError(() => decodeImageManifest(text), 'manifest', 'is not valid JSON');
    expect(err.code).toBe('MANIFEST_INVALID');
    expect(err.cause).toBeInstanceOf(SyntaxError);
  });

  it('rejects a UTF-8 byte order mark, as Go does', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(image)]);
    expectManifestError(() => decodeImageManifest(bytes), 'manifest', 'is not valid JSON');
  });

  it('rejects invalid UTF-8', () => {
    const bytes = new TextEncoder().encode(image.replace('example', 'exampl\u00e9'));
    const broken = bytes.filter((b) => b !== 0xc3);
    expectManifestError(() => decodeImageManifest(broken), 'manifest', 'not valid UTF-8');
  });

  it('accepts whitespace around the value', () => {
    expect(decodeImageManifest(`\n  ${image}\n`).name).toBe('example.com/app');
  });

  it('refuses input over MAX_MANIFEST_BYTES before parsing, for text and bytes', () => {
    expect(MAX_MANIFEST_BYTES).toBe(1024 * 1024);
    const big = `${image.slice(0, -1)},"pad":"${'x'.repeat(MAX_MANIFEST_BYTES)}"}`;
    expectManifestError(
      () => decodeImageManifest(big),
      'manifest',
      `larger than the ${MAX_MANIFEST_BYTES}-byte limit`,
    );
    expectManifestError(
      () => decodeImageManifest(new Uint8Array(MAX_MANIFEST_BYTES + 1)),
      'manifest',
      'larger than',
    );
  });

  it('counts UTF-8 bytes, not UTF-16 units, for text', () => {
    const text = '"' + '\u00e9'.repeat(MAX_MANIFEST_BYTES / 2) + '"'; // 2 bytes each: just over the limit
    expectManifestError(() => parseManifestJson(text), 'manifest', 'larger than');
  });

  it('accepts a manifest of exactly the limit', () => {
    const pad = MAX_MANIFEST_BYTES - image.length - ',"pad":""'.length;
    const text = `${image.slice(0, -1)},"pad":"${'x'.repeat(pad)}"}`;
    expect(Buffer.byteLength(text)).toBe(MAX_MANIFEST_BYTES);
    expect(decodeImageManifest(text).name).toBe('example.com/app');
  });

  it('validates after parsing', () => {
    expectManifestError(() => decodeImageManifest('[]'), 'manifest', 'must be an object');
    expectManifestError(() => decodePodManifest(image), 'acKind', 'must be "PodManifest"');
  });
});
