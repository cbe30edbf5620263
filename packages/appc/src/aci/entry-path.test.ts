import { describe, expect, it } from 'vitest';
import { cleanEntryName } from './entry-path.js';

describe('cleanEntryName', () => {
  it.each([
    ['manifest', 'manifest'],
    ['./manifest', 'manifest'],
    ['rootfs/', 'rootfs'],
    ['./rootfs/bin//sh', 'rootfs/bin/sh'],
    ['rootfs/./etc/passwd', 'rootfs/etc/passwd'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanEntryName(raw)).toBe(clean);
  });

  it.each([
    ['/etc/passwd', /absolute path/],
    ['rootfs/../../etc/passwd', /escapes the image/],
    ['../manifest', /escapes the image/],
    ['rootfs/a/../b', /escapes the image/],
    ['./', /empty name/],
    ['rootfs/a\0b', /NUL byte/],
  ])('refuses %j', (raw, message) => {
    expect(() => cleanEntryName(raw)).toThrow(message);
  });
});
