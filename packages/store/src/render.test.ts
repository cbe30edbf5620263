import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.js';
import { buildAci, removeTempDirs, streamOf, tempDir, type TestImage } from './test-helpers.js';

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

function expectedTreeId(keys: string[]): string {
  return `deps-sha512-${createHash('sha512').update(keys.join(',')).digest('hex').slice(0, 64)}`;
}

async function add(image: TestImage, render = false): Promise<string> {
  const aci = await buildAci(image);
  await store.importImage(streamOf(aci.bytes), { render });
  return aci.key;
}

const dep = (imageName: string) => ({ imageName });

/** rkt.md §4.5's example: A deps [B, C], C deps [D]; C whitelists what it and D may contribute. */
async function family(): Promise<Record<'a' | 'b' | 'c' | 'd', string>> {
  const d = await add({
    name: 'example.com/d',
    files: { shared: 'D', 'in-cd': 'D', 'd-listed': 'D', 'd-unlisted': 'D' },
  });
  const b = await add({ name: 'example.com/b', files: { shared: 'B', b: 'B', 'in-cd': 'B' } });
  const c = await add({
    name: 'example.com/c',
    dependencies: [dep('example.com/d')],
    pathWhitelist: ['/shared', '/in-cd', '/c', '/d-listed'],
    files: { c: 'C', 'c-unlisted': 'C' },
  });
  const a = await add({
    name: 'example.com/a',
    dependencies: [dep('example.com/b'), dep('example.com/c')],
    files: { shared: 'A', a: 'A' },
  });
  return { a, b, c, d };
}

describe('treeIdFor', () => {
  it('hashes the flattened dependency list in acirenderer order (A, C, D, B)', async () => {
    const { a, b, c, d } = await family();
    expect(await store.treeIdFor(a)).toBe(expectedTreeId([a, c, d, b]));
    expect(await store.treeIdFor(c)).toBe(expectedTreeId([c, d]));
    expect(await store.treeIdFor(d)).toBe(expectedTreeId([d]));
  });

  it('resolves dependencies by imageID and names a missing one', async () => {
    const base = await buildAci({ name: 'example.com/base', files: { base: '1' } });
    await store.importImage(streamOf(base.bytes));
    const top = await add({
      name: 'example.com/top',
      dependencies: [{ imageName: 'example.com/other-name', imageID: base.id }],
    });
    expect(await store.treeIdFor(top)).toBe(expectedTreeId([top, base.key]));
    const orphan = await add({
      name: 'example.com/orphan',
      dependencies: [{ imageName: 'example.com/missing', labels: [{ name: 'version', value: '9' }] }],
    });
    await expect(store.treeIdFor(orphan)).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
      message: expect.stringContaining('example.com/missing,version=9'),
    });
  });

  it('refuses a dependency cycle through names', async () => {
    const x = await add({ name: 'example.com/x', dependencies: [dep('example.com/y')] });
    await add({ name: 'example.com/y', dependencies: [dep('example.com/x')] });
    await expect(store.treeIdFor(x)).rejects.toMatchObject({ code: 'DEPENDENCY_CYCLE' });
  });
});

describe('renderImage', () => {
  it('lays the images top first with whitelists and records the tree', async () => {
    const { a, b, c, d } = await family();
    const tree = await store.renderImage(a);
    expect(tree).toMatchObject({
      id: expectedTreeId([a, c, d, b]),
      imageKey: a,
      hash: expect.stringMatching(/^sha512-/),
    });
    const read = (p: string) => readFileSync(join(tree.rootfs, p), 'utf8');
    expect(read('shared')).toBe('A');
    expect(read('in-cd')).toBe('D');
    expect(read('b') + read('c') + read('d-listed')).toBe('BCD');
    expect(existsSync(join(tree.rootfs, 'c-unlisted'))).toBe(false);
    expect(existsSync(join(tree.rootfs, 'd-unlisted'))).toBe(false);
    const treeDir = join(dir, 'cas/tree', tree.id);
    expect(readdirSync(treeDir).sort()).toEqual(['hash', 'image', 'manifest', 'rendered', 'rootfs']);
    expect(JSON.parse(readFileSync(join(treeDir, 'manifest'), 'utf8')).name).toBe('example.com/a');
    expect((await store.getImage(a))?.treeStoreSize).toBe(tree.size);
    expect(tree.size).toBeGreaterThan(0);
    expect(await store.getTree(tree.id)).toEqual(tree);
    expect((await store.listTrees()).map((t) => t.id)).toEqual([tree.id]);
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([tree.id]);
  });

  it('reuses a rendered tree', async () => {
    const key = await add({ name: 'example.com/one', files: { f: '1' } });
    const first = await store.renderImage(key);
    writeFileSync(join(first.rootfs, 'marker'), 'kept');
    const second = await store.renderImage(key);
    expect(second).toEqual(first);
    expect(existsSync(join(second.rootfs, 'marker'))).toBe(true);
  });

  it('refuses a stored archive that no longer hashes to its ID', async () => {
    const aci = await buildAci({ name: 'example.com/one', files: { f: 'original' } }, 'none');
    await store.importImage(streamOf(aci.bytes));
    const blob = join(dir, 'cas/blob/sha512', aci.key.slice(7, 9), aci.key);
    const bytes = readFileSync(blob);
    writeFileSync(blob, Buffer.from(bytes.toString('latin1').replace('original', 'tampered'), 'latin1'));
    await expect(store.renderImage(aci.key)).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([]);
  });

  it('removeTree deletes the tree and zeroes the image tree size', async () => {
    const key = await add({ name: 'example.com/one', files: { f: '1' } });
    const tree = await store.renderImage(key);
    await store.removeTree(tree.id);
    expect(await store.getTree(tree.id)).toBeUndefined();
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([]);
    expect((await store.getImage(key))?.treeStoreSize).toBe(0);
  });
});

describe('inline render on import', () => {
  it('renders an image without dependencies in the same pass', async () => {
    const key = await add({ name: 'example.com/one', files: { 'etc/f': '1' } }, true);
    const tree = await store.getTree(await store.treeIdFor(key));
    expect(tree && readFileSync(join(tree.rootfs, 'etc/f'), 'utf8')).toBe('1');
    expect((await store.getImage(key))?.treeStoreSize).toBe(tree?.size);
    expect(await store.renderImage(key)).toEqual(tree);
    expect(readdirSync(join(dir, 'cas/tree'))).toEqual([tree?.id]);
  });

  it('leaves images with dependencies for renderImage and applies a whitelist', async () => {
    await add({ name: 'example.com/base', files: { base: '1' } });
    const top = await add({ name: 'example.com/top', dependencies: [dep('example.com/base')] }, true);
    expect(await store.getTree(await store.treeIdFor(top))).toBeUndefined();
    const listed = await add(
      { name: 'example.com/wl', pathWhitelist: ['/keep'], files: { keep: 'k', drop: 'd' } },
      true,
    );
    const tree = await store.getTree(await store.treeIdFor(listed));
    expect(tree && readdirSync(tree.rootfs)).toEqual(['keep']);
    expect(readdirSync(join(dir, 'cas/tree')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('verifyTree', () => {
  it('tells not-rendered, verified, and repairs a tampered tree', async () => {
    const key = await add({ name: 'example.com/one', files: { 'bin/tool': 'original' } });
    expect(await store.verifyTree(key)).toBe('not-rendered');
    const tree = await store.renderImage(key);
    expect(await store.verifyTree(key)).toBe('verified');
    writeFileSync(join(tree.rootfs, 'bin/tool'), 'tampered');
    expect(await store.verifyTree(key)).toBe('repaired');
    expect(readFileSync(join(tree.rootfs, 'bin/tool'), 'utf8')).toBe('original');
    expect(await store.verifyTree(key)).toBe('verified');
  });
});
