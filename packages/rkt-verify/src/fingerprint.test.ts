import { describe, expect, it } from 'vitest';
import { formatFingerprint, normalizeKeyRef } from './fingerprint.js';

describe('formatFingerprint', () => {
  it("groups 4 hex digits in upper case with rkt's double space in the middle", () => {
    expect(formatFingerprint('8b86de38890ddb7291867b025210bd8888182190')).toBe(
      '8B86 DE38 890D DB72 9186  7B02 5210 BD88 8818 2190',
    );
  });
  it('splits a v6 fingerprint in the middle too', () => {
    expect(formatFingerprint('ab'.repeat(32))).toBe(`${'ABAB '.repeat(7)}ABAB  ${'ABAB '.repeat(7)}ABAB`);
  });
});

describe('normalizeKeyRef', () => {
  it.each([
    ['8B86 DE38 890D DB72 9186  7B02 5210 BD88 8818 2190', '8b86de38890ddb7291867b025210bd8888182190'],
    ['0x5210BD8888182190', '5210bd8888182190'],
    ['5210bd88', undefined],
    ['zz'.repeat(20), undefined],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeKeyRef(input)).toBe(expected);
  });
});
