import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAci } from './reader.js';
import { aciMembers, makeTar, streamOf, VALID_MANIFEST, type RawEntry } from './test-helpers.js';

async function read(entries: RawEntry[]) {
  return readAci(streamOf(await makeTar(entries)));
}

describe('readAci', () => {
  it('reports the manifest, the ID of the uncompressed tar, and each entry', async () => {
    const tar = await makeTar([
      ...aciMembers(),
      { name: 'rootfs/etc', type: 'directory' },
      { name: 'rootfs/etc/x', body: 'x' },
    ]);
    const seen: string[] = [];
    const summary = await readAci(streamOf(gzipSync(tar)), {
      onEntry: async (entry, body) => {
        seen.push(`${entry.type}:${entry.path}`);
        body.resume();
        await new Promise((r) => body.on('end', r));
      },
    });
    expect(summary.manifest.name).toBe('example.com/test');
    expect(summary.compression).toBe('gzip');
    expect(summary.tarSize).toBe(tar.length);
    expect(summary.imageId).toMatch(/^sha512-[0-9a-f]{128}$/);
    expect(seen).toEqual(['directory:rootfs', 'directory:rootfs/etc', 'file:rootfs/etc/x']);
  });

  it('accepts ./-prefixed names and the manifest after the rootfs', async () => {
    const s = await read([
      { name: './rootfs/', type: 'directory' },
      { name: './manifest', body: VALID_MANIFEST },
    ]);
    expect(s.entries).toBe(2);
  });

  it.each<[string, RawEntry[], RegExp]>([
    ['a path with ..', [...aciMembers(), { name: 'rootfs/../../evil', body: 'x' }], /escapes the image/],
    ['an absolute path', [...aciMembers(), { name: '/etc/evil', body: 'x' }], /absolute path/],
    ['a member outside rootfs/', [...aciMembers(), { name: 'etc/passwd', body: 'x' }], /outside rootfs\//],
    ['a look-alike of rootfs', [...aciMembers(), { name: 'rootfsX/a', body: 'x' }], /outside rootfs\//],
    [
      'a duplicate member',
      [...aciMembers(), { name: 'rootfs/a', body: '1' }, { name: 'rootfs/a', body: '2' }],
      /duplicate entry "rootfs\/a"/,
    ],
    [
      'a duplicate manifest',
      [...aciMembers(), { name: './manifest', body: VALID_MANIFEST }],
      /duplicate entry "manifest"/,
    ],
    ['no manifest', [{ name: 'rootfs', type: 'directory' }], /no manifest found/],
    [
      'no rootfs directory entry',
      [
        { name: 'manifest', body: VALID_MANIFEST },
        { name: 'rootfs/a', body: 'x' },
      ],
      /no rootfs directory/,
    ],
    [
      'rootfs as a file',
      [
        { name: 'manifest', body: VALID_MANIFEST },
        { name: 'rootfs', body: 'x' },
      ],
      /"rootfs" is not a directory/,
    ],
    [
      'manifest as a directory',
      [
        { name: 'manifest', type: 'directory' },
        { name: 'rootfs', type: 'directory' },
      ],
      /"manifest" is not a regular file/,
    ],
    [
      'a hardlink out of rootfs',
      [...aciMembers(), { name: 'rootfs/l', type: 'link', linkname: 'manifest' }],
      /points outside rootfs/,
    ],
    [
      'a hardlink escaping with ..',
      [...aciMembers(), { name: 'rootfs/l', type: 'link', linkname: 'rootfs/../../etc/shadow' }],
      /escapes the image/,
    ],
    [
      'a hardlink to a missing member',
      [...aciMembers(), { name: 'rootfs/l', type: 'link', linkname: 'rootfs/nope' }],
      /points to missing "rootfs\/nope"/,
    ],
    ['an invalid manifest', aciMembers('{"acKind":"ImageManifest"'), /manifest/],
    ['a manifest of absurd size', aciMembers(' '.repeat(2 << 20)), /manifest is larger than/],
  ])('rejects an archive with %s', async (_what, entries, message) => {
    await expect(read(entries)).rejects.toThrow(message);
  });

  it('rejects a truncated archive', async () => {
    const tar = await makeTar([...aciMembers(), { name: 'rootfs/big', body: Buffer.alloc(10_000, 1) }]);
    await expect(readAci(streamOf(tar.subarray(0, 3000)))).rejects.toThrow(/truncated|unexpected end/i);
  });

  it('rejects a truncated gzip stream', async () => {
    const gz = gzipSync(
      await makeTar([...aciMembers(), { name: 'rootfs/big', body: Buffer.alloc(100_000, 7) }]),
    );
    await expect(readAci(streamOf(gz.subarray(0, gz.length - 40)))).rejects.toThrow(
      /gzip|truncated|unexpected end/i,
    );
  });

  it('rejects corrupt gzip data', async () => {
    const gz = gzipSync(await makeTar(aciMembers()));
    gz.fill(0x55, 20, 60);
    await expect(readAci(streamOf(gz))).rejects.toThrow(/corrupt gzip data/);
  });

  it('rejects a file that is no archive', async () => {
    await expect(readAci(Readable.from([Buffer.from('hello, I am not a tar\n')]))).rejects.toThrow(
      /unknown file type/,
    );
  });

  it('keeps modes with setuid bits, owners and xattrs', async () => {
    const entries: RawEntry[] = [
      ...aciMembers(),
      { name: 'rootfs/su', body: 'x', mode: 0o4755, uid: 12, gid: 34, pax: { 'SCHILY.xattr.user.k': 'v' } },
    ];
    let su: unknown;
    await readAci(streamOf(await makeTar(entries)), {
      onEntry: async (e, body) => {
        if (e.path === 'rootfs/su') su = e;
        body.resume();
      },
    });
    expect(su).toMatchObject({ mode: 0o4755, uid: 12, gid: 34, xattrs: { 'user.k': 'v' } });
  });
});
