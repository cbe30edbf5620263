import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Layout } from './layout.js';
import { lockKey } from './locks.js';
import { Store } from './store.js';
import { createTempDir, createTempFile, discard } from './temp.js';
import { buildAci, removeTempDirs, streamOf, tempDir } from './test-helpers.js';

let dir: string;
let store: Store;
let layout: Layout;
beforeEach(async () => {
  dir = tempDir();
  store = await Store.open(dir);
  layout = new Layout(dir);
});
afterEach(async () => {
  await store.close();
  await removeTempDirs();
});

async function imported(name: string): Promise<string> {
  const aci = await buildAci({ name, files: { f: name } });
  await store.importImage(streamOf(aci.bytes));
  return aci.key;
}

describe('cleanDebris', () => {
  it('removes what a crash leaves and keeps complete images and trees', async () => {
    const kept = await imported('example.com/kept');
    const keptTree = await store.renderImage(kept);
    // a crash after the blob was moved in, before the record was written
    const orphan = await imported('example.com/orphan');
    unlinkSync(layout.record(orphan));
    // a crash while rendering, and a tree whose rendered flag never made it
    const torn = await imported('example.com/torn');
    const tornTree = await store.renderImage(torn);
    unlinkSync(join(layout.tree(tornTree.id), 'rendered'));
    const abandonedTree = join(layout.trees, '.tmp-1-dead');
    mkdirSync(join(abandonedTree, 'rootfs/etc'), { recursive: true });
    // temp files of dead importers and a remote record of a vanished image
    writeFileSync(join(layout.tmp, '1-dead'), 'partial archive');
    await store.putRemote({ url: 'https://x/orphan.aci', blobKey: orphan, cacheMaxAge: 0, downloadTime: 1 });

    const removed = await store.cleanDebris();

    expect(removed).toEqual(
      expect.arrayContaining([
        join(layout.tmp, '1-dead'),
        abandonedTree,
        layout.tree(tornTree.id),
        layout.blob(orphan),
        layout.manifest(orphan),
        layout.remoteRecord('https://x/orphan.aci'),
        layout.imageLock(orphan),
      ]),
    );
    expect(removed).not.toContain(layout.blob(kept));
    expect(readdirSync(layout.tmp)).toEqual([]);
    expect(readdirSync(layout.trees).sort()).toEqual([keptTree.id]);
    expect(existsSync(layout.blob(orphan))).toBe(false);
    expect(await store.getTree(keptTree.id)).toEqual(keptTree);
    expect((await store.listImages()).map((r) => r.key).sort()).toEqual([kept, torn].sort());
    expect(await store.cleanDebris()).toEqual([]);
  });

  it('leaves alone temps and images that a live process holds', async () => {
    const liveFile = createTempFile(layout);
    const liveTree = createTempDir(layout.trees, '.tmp-', 0o700);
    const orphan = await imported('example.com/importing');
    unlinkSync(layout.record(orphan));
    const importer = await lockKey(layout.imageLock(orphan), 'exclusive');
    try {
      expect(await store.cleanDebris()).toEqual([]);
      expect(existsSync(liveFile.path)).toBe(true);
      expect(existsSync(liveTree.path)).toBe(true);
      expect(existsSync(layout.blob(orphan))).toBe(true);
    } finally {
      importer?.release();
      discard(liveFile);
      rmSync(liveTree.path, { recursive: true });
      liveTree.lock.release();
    }
    expect(await store.cleanDebris()).toContain(layout.blob(orphan));
  });

  it('leaves alone a temp file that another process holds', async () => {
    const path = join(layout.tmp, 'other-process');
    writeFileSync(path, 'partial');
    // its own process group, so that the whole group (flock and its shell) can be ended
    const holder = spawn('flock', ['-x', path, '-c', 'echo locked; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      expect(await store.cleanDebris()).toEqual([]);
      expect(existsSync(path)).toBe(true);
    } finally {
      process.kill(-(holder.pid as number), 'SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(await store.cleanDebris()).toEqual([path]);
  });
});
