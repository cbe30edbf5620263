import { describe, expect, it } from 'vitest';
import { isImageID, parseImageID } from './image-id.js';
import { expectManifestError } from './test-fixtures.js';

const FULL = `sha512-${'0123456789abcdef'.repeat(8)}`;

describe('image IDs', () => {
  it.each([
    [FULL, true],
    [FULL.slice(0, 7 + 64), true], // rkt store key
    [FULL.slice(0, 7 + 32), true], // ShortHash
    ['sha512-a', true],
    ['sha512-zz', false], // QUIRK: Go accepts, we require hex
    [`${FULL}0`, false], // longer than a SHA-512
    ['sha256-abcd', false],
    ['SHA512-abcd', false],
    ['sha512-a-b', false],
    ['sha512-', false],
    ['sha512', false],
    ['sha512-ABCD', false],
    ['', false],
  ])('isImageID(%j) → %s', (value, ok) => {
    expect(isImageID(value)).toBe(ok);
    if (ok) expect(parseImageID(value).hex).toBe(value.slice(7));
    else expect(() => parseImageID(value)).toThrow();
  });

  it('explains each failure', () => {
    expectManifestError(
      () => parseImageID('sha256-ab', 'dependencies[0].imageID'),
      'dependencies[0].imageID',
      'unsupported hash algorithm "sha256"',
    );
    expectManifestError(() => parseImageID('sha512-a-b'), 'imageID', 'expected "sha512-<hex>"');
    expectManifestError(() => parseImageID('sha512-'), 'imageID', 'empty hash value');
    expectManifestError(() => parseImageID('sha512-zz'), 'imageID', 'lowercase hex');
  });

  it('returns algorithm and digest', () => {
    expect(parseImageID(FULL)).toEqual({ algorithm: 'sha512', hex: FULL.slice(7) });
  });
});
