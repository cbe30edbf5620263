import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.js';
import { buildAci, removeTempDirs, streamOf, tempDir } from './test-helpers.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = tempDir();
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await removeTempDirs();
});

const image = {
  name: 'example.com/app',
  labels: [{ name: 'version', value: '1.0' }],
  files: { 'etc/x': 'x' },
};

describe('importImage', () => {
  it.each(['none', 'gzip', 'bzip2', 'xz'] as const)('stores a %s archive exactly as fetched', async (c) => {
    const aci = await buildAci(image, c);
    const seen: number[] = [];
    const res = await store.importImage(streamOf(aci.bytes), { onBytes: (n) => seen.push(n) });
    expect(res.existed).toBe(false);
    expect(res.record).toMatchObject({ key: aci.key, id: aci.id, name: 'example.com/app', compression: c });
    expect(res.record.size).toBe(aci.bytes.length);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(aci.bytes.length);
    expect(res.manifest.labels).toEqual(image.labels);
    const blob = join(dir, 'cas/blob/sha512', aci.key.slice(7, 9), aci.key);
    expect(readFileSync(blob).equals(aci.bytes)).toBe(true);
    expect(statSync(blob).mode & 0o777).toBe(0o660);
    expect(existsSync(join(dir, 'cas/imageManifest/sha512', aci.key.slice(7, 9), aci.key))).toBe(true);
    expect(await store.getImage(aci.key)).toEqual(res.record);
    expect(await store.getImage(aci.id)).toEqual(res.record);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });

  it('re-importing refreshes the record and discards the new bytes', async () => {
    const aci = await buildAci(image);
    const first = await store.importImage(streamOf(aci.bytes), { latest: true });
    await new Promise((r) => setTimeout(r, 5));
    const again = await store.importImage(streamOf(aci.bytes), { latest: false });
    expect(again.existed).toBe(true);
    expect(again.record.importTime).toBeGreaterThan(first.record.importTime);
    expect(again.record.latest).toBe(false);
    expect(await store.listImages()).toHaveLength(1);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });

  it('accepts an expected ID prefix and refuses a different one, keeping nothing', async () => {
    const aci = await buildAci(image);
    await expect(
      store.importImage(streamOf(aci.bytes), {
        expectedId: aci.key.toUpperCase().replace('SHA512', 'sha512'),
      }),
    ).resolves.toBeTruthy();
    const other = await buildAci({ ...image, name: 'example.com/other' });
    const err = store.importImage(streamOf(other.bytes), { expectedId: aci.id });
    await expect(err).rejects.toMatchObject({ code: 'IMAGE_ID_MISMATCH', exitCode: 254 });
    await expect(err).rejects.toThrow(other.id);
    expect(await store.getImage(other.key)).toBeUndefined();
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });

  it.each([
    ['garbage', Buffer.from('this is not an archive at all'.repeat(20))],
    ['a truncated gzip', undefined],
  ])('rejects %s with ACI_INVALID and leaves no record nor temp', async (_what, bytes) => {
    const input = bytes ?? (await buildAci(image)).bytes.subarray(0, 200);
    await expect(store.importImage(streamOf(input), { render: true })).rejects.toMatchObject({
      code: 'ACI_INVALID',
    });
    expect(await store.listImages()).toEqual([]);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([]);
  });

  it('propagates an error of the input stream and cleans up', async () => {
    const aci = await buildAci(image, 'none');
    const input = new PassThrough();
    input.write(aci.bytes.subarray(0, 4096));
    setTimeout(() => input.destroy(new Error('connection reset')), 10);
    await expect(store.importImage(input)).rejects.toThrow('connection reset');
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });

  it('keeps one record when the same image is imported twice at once', async () => {
    const aci = await buildAci(image);
    const results = await Promise.all([
      store.importImage(streamOf(aci.bytes, 512)),
      store.importImage(streamOf(aci.bytes, 512)),
    ]);
    expect(results.map((r) => r.existed).sort()).toEqual([false, true]);
    expect((await store.listImages()).map((r) => r.key)).toEqual([aci.key]);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });

  it('two stores in one process share the data dir', async () => {
    const other = await Store.open(dir);
    const aci = await buildAci(image);
    await other.importImage(streamOf(aci.bytes));
    expect((await store.getImage(aci.key))?.name).toBe('example.com/app');
    await other.close();
  });
});

describe('importImage input edges', () => {
  let d: string;
  let s: Store;
  beforeEach(async () => {
    d = tempDir();
    s = await Store.open(d);
  });
  afterEach(() => s.close());

  it.each(['none', 'gzip'] as const)('keeps zeros after the end of a %s archive in the blob', async (c) => {
    const aci = await buildAci(image, c);
    const bytes = Buffer.concat([aci.bytes, Buffer.alloc(10240)]);
    const res = await s.importImage(streamOf(bytes, 1000));
    expect(res.record.size).toBe(bytes.length);
    expect(
      readFileSync(join(d, 'cas/blob/sha512', res.record.key.slice(7, 9), res.record.key)).equals(bytes),
    ).toBe(true);
  });
});
