import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAci } from './aci-fixture.js';
import { exportImage } from './export.js';
import { FakeStore } from './fake-store.js';

let fixture: Awaited<ReturnType<typeof fixtureAci>>;
const dirs: string[] = [];
beforeAll(async () => {
  fixture = await fixtureAci();
});
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'rkt-image-export-'));
  dirs.push(dir);
  const store = new FakeStore([fixture.record]);
  store.blobs[fixture.record.key] = { data: fixture.gz, compression: 'gzip' };
  return { dir, store };
}

describe('exportImage', () => {
  it('writes the uncompressed ACI tar, byte for byte, and reads the blob through the store', async () => {
    const { dir, store } = await setup();
    const out = join(dir, 'out.aci');
    const result = await exportImage(store, fixture.record.key, out, { overwrite: false });
    expect(result).toEqual({ key: fixture.record.key, bytes: fixture.tar.length });
    expect((await readFile(out)).equals(fixture.tar)).toBe(true);
    expect(store.opened).toEqual([fixture.record.key]);
    expect(await readdir(dir)).toEqual(['out.aci']);
  });

  it('refuses an existing file without --overwrite, replaces it with', async () => {
    const { dir, store } = await setup();
    const out = join(dir, 'out.aci');
    await writeFile(out, 'old');
    await expect(exportImage(store, fixture.record.key, out, { overwrite: false })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
      message: 'output ACI file exists (try --overwrite)',
    });
    expect(await readFile(out, 'utf8')).toBe('old');
    await exportImage(store, fixture.record.key, out, { overwrite: true });
    expect((await readFile(out)).equals(fixture.tar)).toBe(true);
    expect(await readdir(dir)).toEqual(['out.aci']);
  });

  it('refuses a blob that does not match the image ID, leaving nothing behind', async () => {
    const { dir, store } = await setup();
    store.images[0] = { ...fixture.record, id: fixture.record.key + 'f'.repeat(64) };
    await expect(
      exportImage(store, fixture.record.key, join(dir, 'o.aci'), { overwrite: false }),
    ).rejects.toMatchObject({
      code: 'IMAGE_CORRUPT',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports an unknown image and an unwritable destination', async () => {
    const { dir, store } = await setup();
    await expect(
      exportImage(store, 'sha512-0', join(dir, 'o.aci'), { overwrite: false }),
    ).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
    });
    await expect(
      exportImage(store, fixture.record.key, join(dir, 'no/such/o.aci'), { overwrite: false }),
    ).rejects.toMatchObject({
      code: 'EXPORT_WRITE',
      message: expect.stringMatching(/^unable to open output ACI file .*ENOENT/) as unknown,
    });
  });
});
