import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { tryLock } from '@rkt/native';
import { FILE_MODE, type Layout } from './layout.js';
import { HeldLock } from './locks.js';

/**
 * A temp file or directory whose descriptor holds an exclusive flock for as long as its creator
 * lives: a debris cleaner removes only temps it can lock. The nlink check closes the window between
 * create and flock in which a cleaner could have taken the lock and removed the entry.
 */
export interface Temp {
  path: string;
  lock: HeldLock;
}

export function createTempFile(layout: Layout): Temp {
  for (;;) {
    const path = join(layout.tmp, randomName());
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
    if (tryLock(fd, 'exclusive') && fstatSync(fd).nlink > 0) {
      fchmodSync(fd, FILE_MODE);
      return { path, lock: new HeldLock(fd) };
    }
    closeSync(fd);
  }
}

export function createTempDir(parent: string, prefix: string, mode: number): Temp {
  for (;;) {
    const path = join(parent, prefix + randomName());
    mkdirSync(path, mode);
    const fd = openSync(path, constants.O_RDONLY | constants.O_DIRECTORY);
    if (tryLock(fd, 'exclusive') && fstatSync(fd).nlink > 0) return { path, lock: new HeldLock(fd) };
    closeSync(fd);
  }
}

function randomName(): string {
  return `${process.pid}-${randomBytes(8).toString('hex')}`;
}

export function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
}

export async function fsyncPath(path: string): Promise<void> {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    await fsyncFd(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replace `path` atomically and durably (write + fsync a locked temp in cas/tmp, rename, fsync the
 * directory): readers see the old or the new content, and after a crash at worst a temp is left.
 */
export async function writeAtomic(layout: Layout, path: string, data: string): Promise<void> {
  const temp = createTempFile(layout);
  try {
    const bytes = Buffer.from(data);
    for (let off = 0; off < bytes.length;) off += writeSync(temp.lock.fd, bytes, off);
    await fsyncFd(temp.lock.fd);
    renameSync(temp.path, path);
  } catch (e) {
    discard(temp);
    throw e;
  }
  temp.lock.release();
  await fsyncPath(dirname(path));
}

/** Remove a temp file (if still there) and release its lock. */
export function discard(temp: Temp): void {
  try {
    unlinkSync(temp.path);
  } catch {
    // already renamed or removed
  } finally {
    temp.lock.release();
  }
}
