import { describe, expect, it } from 'vitest';
import { detectCompression } from './compression.js';

function withTarMagic(): Uint8Array {
  const b = new Uint8Array(512);
  b.set(Buffer.from('ustar'), 257);
  return b;
}

describe('detectCompression', () => {
  it.each([
    ['gzip', Uint8Array.from([0x1f, 0x8b, 8, 0])],
    ['bzip2', Uint8Array.from(Buffer.from('BZh91AY'))],
    ['xz', Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0])],
    ['none', withTarMagic()],
  ])('recognises %s by its magic bytes', (kind, head) => {
    expect(detectCompression(head)).toBe(kind);
  });

  it.each([
    ['zstd', Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd])],
    ['text', Uint8Array.from(Buffer.from('{"acKind":"ImageManifest"}'))],
    ['empty', new Uint8Array(0)],
  ])('does not recognise %s', (_what, head) => {
    expect(detectCompression(head)).toBeUndefined();
  });
});
