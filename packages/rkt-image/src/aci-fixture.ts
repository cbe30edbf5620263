import { chmod, link, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { toStoreKey, type ImageManifest } from '@rkt/appc';
import { writeAci } from '@rkt/appc/aci';
import type { ImageRecord } from '@rkt/store';
import { record } from './test-records.js';

export const MANIFEST: ImageManifest = {
  acKind: 'ImageManifest',
  acVersion: '0.8.11',
  name: 'example.com/fixture',
  labels: [{ name: 'version', value: '1' }],
} as ImageManifest;

export const MTIME = new Date('2020-02-02T02:02:02Z');

/**
 * A small gzip'd ACI: etc/hello (0640), etc/hello-link (hardlink), bin/sh -> busybox (symlink),
 * ro/ (0555) holding ro/f. Returns the archive, its uncompressed tar and a record for it.
 */
export async function fixtureAci(): Promise<{ gz: Buffer; tar: Buffer; record: ImageRecord }> {
  const work = await mkdtemp(join(tmpdir(), 'rkt-image-unit-'));
  const rootfs = join(work, 'rootfs');
  await mkdir(join(rootfs, 'etc'), { recursive: true });
  await mkdir(join(rootfs, 'bin'));
  await mkdir(join(rootfs, 'ro'));
  await writeFile(join(rootfs, 'etc/hello'), 'hello\n');
  await chmod(join(rootfs, 'etc/hello'), 0o640);
  await link(join(rootfs, 'etc/hello'), join(rootfs, 'etc/hello-link'));
  await symlink('busybox', join(rootfs, 'bin/sh'));
  await writeFile(join(rootfs, 'ro/f'), 'read only\n');
  for (const p of ['etc/hello', 'ro/f', 'ro', 'etc', 'bin', '']) await utimes(join(rootfs, p), MTIME, MTIME);
  await chmod(join(rootfs, 'ro'), 0o555);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const written = await writeAci({ manifest: MANIFEST, rootfs }, sink, { compression: 'gzip' }).finally(
    async () => {
      await chmod(join(rootfs, 'ro'), 0o755);
      await rm(work, { recursive: true, force: true });
    },
  );
  const gz = Buffer.concat(chunks);
  const key = toStoreKey(written.imageId);
  return {
    gz,
    tar: gunzipSync(gz),
    record: record('f', {
      key,
      id: written.imageId,
      name: MANIFEST.name,
      compression: 'gzip',
      size: gz.length,
    }),
  };
}
