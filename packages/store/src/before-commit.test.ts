import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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

const image = { name: 'example.com/gated', files: { 'etc/x': 'x' } };
const tmpFiles = () => readdirSync(join(dir, 'cas/tmp'));

describe('importImage beforeCommit', () => {
  it('runs after the whole archive was read, with its manifest, before the record exists', async () => {
    const aci = await buildAci(image);
    let read = 0;
    const seen: unknown[] = [];
    const res = await store.importImage(streamOf(aci.bytes, 300), {
      onBytes: (n) => (read += n),
      beforeCommit: async (manifest) => {
        seen.push(manifest.name, read, await store.getImage(aci.key));
      },
    });
    expect(seen).toEqual(['example.com/gated', aci.bytes.length, undefined]);
    expect(res.record.key).toBe(aci.key);
  });

  it.each([false, true])('a rejection leaves no record, temp file or tree (render %s)', async (render) => {
    const aci = await buildAci(image);
    const err = new Error('signature refused');
    await expect(
      store.importImage(streamOf(aci.bytes), { render, beforeCommit: () => Promise.reject(err) }),
    ).rejects.toBe(err);
    expect(await store.listImages()).toEqual([]);
    expect(await store.getImage(aci.key)).toBeUndefined();
    expect(tmpFiles()).toEqual([]);
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([]);
    expect(readdirSync(join(dir, 'cas/blob/sha512'))).toEqual([]);
  });

  it('a rejection does not refresh the record of an image already stored', async () => {
    const aci = await buildAci(image);
    const first = await store.importImage(streamOf(aci.bytes), { latest: true });
    await expect(
      store.importImage(streamOf(aci.bytes), {
        latest: false,
        beforeCommit: () => Promise.reject(new Error('no')),
      }),
    ).rejects.toThrow('no');
    expect(await store.getImage(aci.key)).toEqual(first.record);
    expect(tmpFiles()).toEqual([]);
  });
});
