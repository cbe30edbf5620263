import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { type Compression, type Dependency, type ImageManifest, type Label } from '@rkt/appc';
import { writeAci } from '@rkt/appc/aci';
import type { ImageRecord } from './types.js';

export interface TestImage {
  name: string;
  labels?: Label[];
  dependencies?: Dependency[];
  pathWhitelist?: string[];
  /** rootfs-relative path → content; a trailing `/` makes a directory */
  files?: Record<string, string>;
}

export interface BuiltAci {
  bytes: Buffer;
  id: string;
  key: string;
}

const cleanups: string[] = [];

export function tempDir(prefix = 'rkt-store-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(cleanups.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export async function buildAci(image: TestImage, compression: Compression = 'gzip'): Promise<BuiltAci> {
  const rootfs = join(tempDir('rkt-store-rootfs-'), 'rootfs');
  mkdirSync(rootfs);
  for (const [path, content] of Object.entries(image.files ?? {})) {
    const abs = join(rootfs, path);
    if (path.endsWith('/')) mkdirSync(abs, { recursive: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  const manifest: ImageManifest = {
    acKind: 'ImageManifest',
    acVersion: '0.8.11',
    name: image.name,
    labels: image.labels ?? [],
    ...(image.dependencies ? { dependencies: image.dependencies } : {}),
    ...(image.pathWhitelist ? { pathWhitelist: image.pathWhitelist } : {}),
  };
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const { imageId } = await writeAci({ manifest, rootfs }, out, { compression });
  return { bytes: Buffer.concat(chunks), id: imageId, key: imageId.slice(0, 71) };
}

export function streamOf(bytes: Buffer, chunk = 1 << 16): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

/** A record written straight into cas/index, for resolution tests that need chosen keys. */
export function putFakeRecord(dataDir: string, r: Partial<ImageRecord> & { key: string }): ImageRecord {
  const record: ImageRecord = {
    id: r.key + '0'.repeat(64),
    name: 'example.com/fake',
    labels: [],
    importTime: 1000,
    lastUsed: 1000,
    size: 1,
    treeStoreSize: 0,
    latest: false,
    compression: 'none',
    tarSize: 1,
    ...r,
  };
  writeFileSync(join(dataDir, 'cas', 'index', `${r.key}.json`), JSON.stringify(record));
  return record;
}

export function fakeKey(prefix: string): string {
  return `sha512-${prefix}${'0'.repeat(64 - prefix.length)}`;
}
