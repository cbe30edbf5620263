import { execFileSync } from 'node:child_process';
import { chmod, link, mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImageManifest } from '../schema/index.js';
import type { Compression } from './compression.js';
import type { AciEntry } from './entry.js';
import { readAci } from './reader.js';
import { Collect, streamOf, VALID_MANIFEST, withTempDir } from './test-helpers.js';
import { writeAci } from './writer.js';

const manifest = parseImageManifest(JSON.parse(VALID_MANIFEST));

async function sampleTree(dir: string): Promise<string> {
  const rootfs = join(dir, 'rootfs');
  await mkdir(join(rootfs, 'bin'), { recursive: true });
  await writeFile(join(rootfs, 'bin', 'tool'), '#!/bin/sh\necho hi\n');
  await chmod(join(rootfs, 'bin', 'tool'), 0o4755);
  await link(join(rootfs, 'bin', 'tool'), join(rootfs, 'bin', 'tool2'));
  await symlink('tool', join(rootfs, 'bin', 'alias'));
  await writeFile(join(rootfs, 'big'), Buffer.alloc(5 << 20, 3));
  for (const p of ['bin/tool', 'big', 'bin', '.'])
    await utimes(join(rootfs, p), 1_600_000_000, 1_600_000_000);
  return rootfs;
}

async function build(rootfs: string, compression: Compression) {
  const out = new Collect();
  const written = await writeAci({ manifest, rootfs }, out, { compression });
  return { written, bytes: out.bytes };
}

function sha512sumOfUncompressed(bytes: Buffer, compression: Compression): string {
  const plain =
    compression === 'none'
      ? bytes
      : execFileSync(compression, ['-dc'], { input: bytes, maxBuffer: 64 << 20 });
  return 'sha512-' + execFileSync('sha512sum', { input: plain }).toString().split(' ')[0];
}

describe('writeAci', () => {
  it.each<Compression>(['none', 'gzip', 'bzip2', 'xz'])(
    'writes a %s ACI whose ID is sha512sum of the uncompressed tar and reads back the same',
    async (compression) => {
      await withTempDir(async (dir) => {
        const rootfs = await sampleTree(dir);
        const { written, bytes } = await build(rootfs, compression);
        expect(written.imageId).toBe(sha512sumOfUncompressed(bytes, compression));
        const read = await readAci(streamOf(bytes));
        expect(read.compression).toBe(compression);
        expect(read.imageId).toBe(written.imageId);
        expect(read.manifest).toEqual(manifest);
      });
    },
  );

  it('gives the same image ID for every compression and for a rebuild', async () => {
    await withTempDir(async (dir) => {
      const rootfs = await sampleTree(dir);
      const ids = new Set<string>();
      for (const c of ['none', 'gzip', 'xz', 'gzip'] as const)
        ids.add((await build(rootfs, c)).written.imageId);
      expect(ids.size).toBe(1);
    });
  });

  it('stores the manifest first, then the tree sorted, with links, modes and mtimes kept', async () => {
    await withTempDir(async (dir) => {
      const rootfs = await sampleTree(dir);
      const entries: AciEntry[] = [];
      const { bytes } = await build(rootfs, 'gzip');
      await readAci(streamOf(bytes), {
        onEntry: async (e, body) => {
          entries.push(e);
          body.resume();
        },
      });
      expect(entries.map((e) => e.path)).toEqual([
        'rootfs',
        'rootfs/big',
        'rootfs/bin',
        'rootfs/bin/alias',
        'rootfs/bin/tool',
        'rootfs/bin/tool2',
      ]);
      const byPath = new Map(entries.map((e) => [e.path, e]));
      expect(byPath.get('rootfs/bin/tool')).toMatchObject({ type: 'file', mode: 0o4755 });
      expect(byPath.get('rootfs/bin/tool')!.mtime.getTime()).toBe(1_600_000_000_000);
      expect(byPath.get('rootfs/bin/tool2')).toMatchObject({ type: 'link', linkname: 'rootfs/bin/tool' });
      expect(byPath.get('rootfs/bin/alias')).toMatchObject({ type: 'symlink', linkname: 'tool' });
      expect(byPath.get('rootfs/big')!.size).toBe(5 << 20);
    });
  });

  it('clamps mtimes when asked (SOURCE_DATE_EPOCH)', async () => {
    await withTempDir(async (dir) => {
      const rootfs = await sampleTree(dir);
      await writeFile(join(rootfs, 'new'), 'now');
      const out = new Collect();
      const clamp = new Date(1_500_000_000_000);
      await writeAci({ manifest, rootfs }, out, {
        compression: 'none',
        manifestMtime: clamp,
        clampMtimes: true,
      });
      const mtimes: number[] = [];
      await readAci(streamOf(out.bytes), {
        onEntry: async (e, body) => {
          mtimes.push(e.mtime.getTime());
          body.resume();
        },
      });
      expect(Math.max(...mtimes)).toBe(clamp.getTime());
    });
  });
});
