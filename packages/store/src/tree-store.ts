import { closeSync, constants, openSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { syncfs } from '@rkt/native';
import { isTreeId } from './keys.js';
import { FILE_MODE, type Layout } from './layout.js';
import { tryLockPath } from './locks.js';
import { readOptional } from './records.js';
import { removeAll } from './remove-dir.js';
import { createTempDir, fsyncFd, fsyncPath, type Temp } from './temp.js';
import type { TreeRecord } from './types.js';

/** Temp trees are `cas/tree/.tmp-*`, flock'ed by their renderer (see temp.ts). */
export const TEMP_TREE_PREFIX = '.tmp-';

/**
 * A tree exists once its `rendered` flag does; the flag holds the tree's size in bytes, `hash` its
 * tree hash and `image` the store key of its top image.
 */
export function readTree(layout: Layout, id: string): TreeRecord | undefined {
  if (!isTreeId(id)) return undefined;
  const dir = layout.tree(id);
  const rendered = readOptional(join(dir, 'rendered'));
  if (rendered === undefined) return undefined;
  return {
    id,
    rootfs: join(dir, 'rootfs'),
    imageKey: (readOptional(join(dir, 'image')) ?? '').trim(),
    hash: (readOptional(join(dir, 'hash')) ?? '').trim(),
    size: Number(rendered.trim()) || 0,
  };
}

export function listTreeIds(layout: Layout): string[] {
  return readdirSync(layout.trees).filter(isTreeId);
}

export function createTempTree(layout: Layout): Temp {
  return createTempDir(layout.trees, TEMP_TREE_PREFIX, 0o700);
}

export interface TreeFiles {
  id: string;
  imageKey: string;
  manifest: string;
  hash: string;
  size: number;
}

/**
 * Complete a rendered temp tree and move it into place. The caller holds the tree lock exclusively
 * and has checked that no rendered tree `id` exists. Everything is on disk (syncfs) before the
 * `rendered` flag is written, and the tree appears under its id only whole.
 */
export async function commitTree(layout: Layout, temp: Temp, files: TreeFiles): Promise<TreeRecord> {
  const meta: [string, string][] = [
    ['manifest', files.manifest],
    ['image', files.imageKey],
    ['hash', files.hash],
  ];
  for (const [name, data] of meta) closeSync(writeSmall(join(temp.path, name), data));
  syncfs(temp.lock.fd);
  const flag = writeSmall(join(temp.path, 'rendered'), `${files.size}\n`);
  try {
    await fsyncFd(flag);
  } finally {
    closeSync(flag);
  }
  const final = layout.tree(files.id);
  await removeAll(final);
  renameSync(temp.path, final);
  temp.lock.release();
  await fsyncPath(layout.trees);
  return readTree(layout, files.id) as TreeRecord;
}

/** Write a small file with the store's file mode; returns its open descriptor. */
function writeSmall(path: string, data: string): number {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, FILE_MODE);
  try {
    const bytes = Buffer.from(data);
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** Remove a temp tree and release its lock. */
export async function discardTempTree(temp: Temp): Promise<void> {
  try {
    await removeAll(temp.path);
  } finally {
    temp.lock.release();
  }
}

/**
 * Remove tree `id` (caller holds the tree lock exclusively): it is first renamed to a locked temp
 * name, so it disappears at once and a crash mid-removal leaves only debris.
 */
export async function deleteTree(layout: Layout, id: string): Promise<boolean> {
  const dir = layout.tree(id);
  const held = tryLockPath(dir);
  if (!held) return false;
  const trash = join(layout.trees, `${TEMP_TREE_PREFIX}rm-${id.slice(-16)}-${process.pid}-${Date.now()}`);
  try {
    renameSync(dir, trash);
    await fsyncPath(layout.trees);
    await removeAll(trash);
  } finally {
    held.release();
  }
  return true;
}
