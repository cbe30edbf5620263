import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeIfPresent } from './images.js';
import { isStoreKey, isTreeId } from './keys.js';
import type { Layout } from './layout.js';
import { lockKey, tryLockPath, unlinkHeld } from './locks.js';
import { readRecord } from './records.js';
import { removeRemotes } from './remote.js';
import { removeAll } from './remove-dir.js';
import { listTreeIds, TEMP_TREE_PREFIX } from './tree-store.js';

/**
 * Remove what crashed or killed writers left behind, never anything in use: temps only when their
 * flock can be taken (their creator holds it for life), unfinished trees and record-less blobs or
 * manifests only under their key lock, taken without waiting (a busy key is skipped, not awaited).
 * Returns the removed paths.
 */
export async function cleanDebris(layout: Layout): Promise<string[]> {
  const removed: string[] = [];
  const temps = [
    ...readdirSync(layout.tmp).map((n) => join(layout.tmp, n)),
    ...readdirSync(layout.trees)
      .filter((n) => n.startsWith(TEMP_TREE_PREFIX))
      .map((n) => join(layout.trees, n)),
  ];
  for (const path of temps) {
    const held = tryLockPath(path);
    if (!held) continue;
    try {
      await removeAll(path);
      removed.push(path);
    } finally {
      held.release();
    }
  }
  for (const id of listTreeIds(layout)) {
    if (existsSync(join(layout.tree(id), 'rendered'))) continue;
    await underFreeLock(layout.treeLock(id), async () => {
      if (existsSync(join(layout.tree(id), 'rendered'))) return;
      await removeAll(layout.tree(id));
      removed.push(layout.tree(id));
    });
  }
  for (const key of storedKeys(layout)) {
    if (readRecord(layout, key)) continue;
    await underFreeLock(layout.imageLock(key), () => {
      if (readRecord(layout, key)) return;
      for (const path of [layout.blob(key), layout.manifest(key)]) {
        if (removeIfPresent(path)) removed.push(path);
      }
    });
  }
  removed.push(...removeRemotes(layout, (key) => !readRecord(layout, key)));
  removed.push(...(await removeStaleLocks(layout)));
  return removed;
}

async function underFreeLock(path: string, fn: () => Promise<void> | void): Promise<void> {
  const held = await lockKey(path, 'exclusive', false);
  if (!held) return;
  try {
    await fn();
  } finally {
    held.release();
  }
}

/** Keys that have a blob or a manifest file. */
function storedKeys(layout: Layout): Set<string> {
  const keys = new Set<string>();
  for (const top of ['blob', 'imageManifest']) {
    const root = join(layout.cas, top, 'sha512');
    for (const fan of readdirSync(root)) {
      for (const name of readdirSync(join(root, fan))) if (isStoreKey(name)) keys.add(name);
    }
  }
  return keys;
}

/** Key-lock files of images and trees that no longer exist (see lockKey for why this is safe). */
async function removeStaleLocks(layout: Layout): Promise<string[]> {
  const removed: string[] = [];
  const gone = (key: string) =>
    !readRecord(layout, key) && !existsSync(layout.blob(key)) && !existsSync(layout.manifest(key));
  const candidates: [string, () => boolean][] = [
    ...readdirSync(join(layout.cas, 'imagelocks'))
      .filter(isStoreKey)
      .map((k): [string, () => boolean] => [layout.imageLock(k), () => gone(k)]),
    ...readdirSync(join(layout.cas, 'treestorelocks'))
      .filter(isTreeId)
      .map((id): [string, () => boolean] => [layout.treeLock(id), () => !existsSync(layout.tree(id))]),
  ];
  for (const [path, unused] of candidates) {
    if (!unused()) continue;
    const held = await lockKey(path, 'exclusive', false);
    if (!held) continue;
    if (unused()) {
      unlinkHeld(path, held);
      removed.push(path);
    } else held.release();
  }
  return removed;
}
