import {
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  futimesSync,
  lchownSync,
  linkSync,
  lutimesSync,
  openSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import type { Readable } from 'node:stream';
import type { AciEntry } from '@rkt/appc';
import { mknod } from '@rkt/native';
import { writeContent, type Content } from './content.js';

/**
 * Creators for one entry at `abs`, whose parent the caller has checked is a real directory of the
 * tree. Each creates with exclusive semantics (O_EXCL, mkdir, symlink, link, mknod all fail with
 * EEXIST and never follow a symlink in the last component) and returns false when the path exists:
 * a path is never replaced. Metadata order: owner, then mode (chown clears setuid/setgid), then times.
 */

const WRITE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

export function isExists(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Open a new file for its content; undefined when the path exists. */
export function openNew(abs: string): number | undefined {
  try {
    return openSync(abs, WRITE_NEW, 0o600);
  } catch (e) {
    if (isExists(e)) return undefined;
    throw e;
  }
}

export async function fillFile(
  fd: number,
  entry: AciEntry,
  body: Readable,
  chown: boolean,
): Promise<Content> {
  try {
    const content = await writeContent(fd, body);
    if (chown) fchownSync(fd, entry.uid, entry.gid);
    fchmodSync(fd, entry.mode & 0o7777);
    futimesSync(fd, entry.mtime, entry.mtime);
    return content;
  } finally {
    closeSync(fd);
  }
}

export function makeSymlink(abs: string, entry: AciEntry, chown: boolean): boolean {
  try {
    symlinkSync(entry.linkname ?? '', abs);
  } catch (e) {
    if (isExists(e)) return false;
    throw e;
  }
  if (chown) lchownSync(abs, entry.uid, entry.gid);
  lutimesSync(abs, entry.mtime, entry.mtime);
  return true;
}

/** A hardlink shares the target's inode, so the entry's own metadata is not applied. */
export function makeHardlink(targetAbs: string, abs: string): boolean {
  try {
    linkSync(targetAbs, abs);
    return true;
  } catch (e) {
    if (isExists(e)) return false;
    throw e;
  }
}

const NODE_TYPE_BITS: Partial<Record<AciEntry['type'], number>> = {
  fifo: constants.S_IFIFO,
  'character-device': constants.S_IFCHR,
  'block-device': constants.S_IFBLK,
};

/**
 * Fifos and device nodes with the native mknod. Creating a device needs CAP_MKNOD: without it the
 * EPERM is thrown for the caller to turn into a warning; fifos work for anyone.
 */
export function makeNode(abs: string, entry: AciEntry, chown: boolean): boolean {
  const mode = entry.mode & 0o7777;
  try {
    mknod(abs, (NODE_TYPE_BITS[entry.type] ?? 0) | mode, entry.devmajor, entry.devminor);
  } catch (e) {
    if (isExists(e)) return false;
    throw e;
  }
  if (chown) lchownSync(abs, entry.uid, entry.gid);
  chmodSync(abs, mode);
  utimesSync(abs, entry.mtime, entry.mtime);
  return true;
}
