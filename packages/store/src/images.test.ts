import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.js';
import { buildAci, removeTempDirs, streamOf, tempDir } from './test-helpers.js';
import type { RemoteRecord } from './types.js';

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

const image = { name: 'example.com/app', files: { 'bin/sh': 'sh' } };

describe('reading images', () => {
  it('reads the manifest and the blob as stored, bumping lastUsed', async () => {
    const aci = await buildAci(image, 'none');
    const { record } = await store.importImage(streamOf(aci.bytes));
    expect((await store.readManifest(aci.key)).name).toBe('example.com/app');
    await new Promise((r) => setTimeout(r, 5));
    const { stream, compression } = await store.openBlob(aci.key);
    expect(compression).toBe('none');
    expect((await buffer(stream)).equals(aci.bytes)).toBe(true);
    expect((await store.getImage(aci.key))?.lastUsed).toBeGreaterThan(record.lastUsed);
  });

  it('reports unknown images', async () => {
    const key = `sha512-${'1'.repeat(64)}`;
    await expect(store.readManifest(key)).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
    await expect(store.openBlob(key)).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
    await expect(store.touchImage(key)).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
    await expect(store.removeImage(key)).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
    await expect(store.readManifest('../../etc/passwd')).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
    expect(await store.getImage('nonsense')).toBeUndefined();
  });
});

describe('removeImage', () => {
  it('removes record, blob, manifest and the remote records of the image', async () => {
    const aci = await buildAci(image);
    const keep = await buildAci({ ...image, name: 'example.com/keep' });
    await store.importImage(streamOf(aci.bytes));
    await store.importImage(streamOf(keep.bytes));
    const remote = (url: string, blobKey: string): RemoteRecord => ({
      url,
      blobKey,
      cacheMaxAge: 0,
      downloadTime: 1,
    });
    await store.putRemote(remote('https://example.com/app.aci', aci.key));
    await store.putRemote(remote('https://example.com/keep.aci', keep.key));
    await store.removeImage(aci.key);
    expect(await store.getImage(aci.key)).toBeUndefined();
    expect(existsSync(join(dir, 'cas/blob/sha512', aci.key.slice(7, 9), aci.key))).toBe(false);
    expect(existsSync(join(dir, 'cas/imageManifest/sha512', aci.key.slice(7, 9), aci.key))).toBe(false);
    expect(await store.getRemote('https://example.com/app.aci')).toBeUndefined();
    expect((await store.getRemote('https://example.com/keep.aci'))?.blobKey).toBe(keep.key);
    expect((await store.listImages()).map((r) => r.key)).toEqual([keep.key]);
  });

  it('keeps an opened blob readable after removal', async () => {
    const aci = await buildAci(image, 'none');
    await store.importImage(streamOf(aci.bytes));
    const { stream } = await store.openBlob(aci.key);
    await store.removeImage(aci.key);
    expect((await buffer(stream)).equals(aci.bytes)).toBe(true);
  });
});

describe('remote records', () => {
  it('stores one record per URL, replaced by the last put', async () => {
    const url = 'https://example.com/a.aci?x=1';
    expect(await store.getRemote(url)).toBeUndefined();
    const first: RemoteRecord = { url, etag: '"1"', blobKey: 'sha512-aa', cacheMaxAge: 60, downloadTime: 10 };
    await store.putRemote(first);
    expect(await store.getRemote(url)).toEqual(first);
    const second = {
      ...first,
      etag: '"2"',
      sigUrl: `${url}.asc`,
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
    };
    await store.putRemote(second);
    expect(await store.getRemote(url)).toEqual(second);
    expect(await store.getRemote('https://example.com/a.aci')).toBeUndefined();
    expect(readdirSync(join(dir, 'cas/remote'))).toHaveLength(1);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
  });
});
