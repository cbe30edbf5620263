import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  chmodSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { syncfs, tryLock, unlock, type LockMode } from '@rkt/native';

export interface FileInfo {
  isDirectory: boolean;
  /** nanoseconds since the epoch */
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** 0 once a directory was removed while still open */
  nlink: number;
}

/**
 * Everything the pod library asks of the OS. Synchronous on purpose: listing 1000 pods costs a few
 * thousand cheap syscalls, which run faster in line than through the thread pool. "Missing" (ENOENT,
 * and ENOTDIR for a path below a file) is a result, not an error; anything else throws.
 */
export interface PodOs {
  /** lstat; undefined when missing */
  stat(path: string): FileInfo | undefined;
  readFile(path: string): Buffer | undefined;
  /** content and times of a file through one open; undefined when missing */
  readFileInfo(path: string): { data: Buffer; info: FileInfo } | undefined;
  /** names of the subdirectories of `path` and, apart, its other entries; undefined when missing */
  readDir(path: string): { dirs: string[]; others: string[] } | undefined;
  /** mkdir with exactly `mode` (the umask does not narrow it); false when it already existed */
  mkdir(path: string, mode: number): boolean;
  writeFile(path: string, data: string, mode: number): void;
  /** throws ENOENT when `from` is gone (a lost race) */
  rename(from: string, to: string): void;
  fsyncDir(path: string): void;
  realpath(path: string): string;
  /** rm -rf */
  removeTree(path: string): void;
  /** open(O_RDONLY|O_DIRECTORY|O_CLOEXEC) for flock; undefined when missing */
  openDir(path: string): number | undefined;
  /** open(O_RDONLY|O_CREAT|O_CLOEXEC, 0660) of a lock file */
  openLockFile(path: string): number;
  fstat(fd: number): FileInfo;
  close(fd: number): void;
  /** flock(LOCK_NB): false when another open file description holds a conflicting lock */
  tryLock(fd: number, mode: LockMode): boolean;
  unlock(fd: number): void;
  syncfs(fd: number): void;
  sleep(ms: number): Promise<void>;
}

export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function orMissing<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

function info(s: BigIntStats): FileInfo {
  return { isDirectory: s.isDirectory(), mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, nlink: Number(s.nlink) };
}

/** The real OS. Node opens every fd with O_CLOEXEC; `rkt run` clears it when handing the lock to stage1. */
export const nodeOs: PodOs = {
  stat: (path) => orMissing(() => info(lstatSync(path, { bigint: true }))),
  readFile: (path) => orMissing(() => readFileSync(path)),
  readFileInfo: (path) =>
    orMissing(() => {
      const fd = openSync(path, constants.O_RDONLY);
      try {
        return { info: info(fstatSync(fd, { bigint: true })), data: readFileSync(fd) };
      } finally {
        closeSync(fd);
      }
    }),
  readDir: (path) =>
    orMissing(() => {
      const dirs: string[] = [];
      const others: string[] = [];
      for (const e of readdirSync(path, { withFileTypes: true }))
        (e.isDirectory() ? dirs : others).push(e.name);
      return { dirs, others };
    }),
  mkdir(path, mode) {
    try {
      mkdirSync(path, mode);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    chmodSync(path, mode);
    return true;
  },
  writeFile: (path, data, mode) => writeFileSync(path, data, { mode, flag: 'wx' }),
  rename: renameSync,
  fsyncDir(path) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  realpath: (path) => realpathSync(path),
  removeTree: (path) => rmSync(path, { recursive: true, force: true }),
  openDir: (path) => orMissing(() => openSync(path, constants.O_RDONLY | constants.O_DIRECTORY)),
  openLockFile: (path) => openSync(path, constants.O_RDONLY | constants.O_CREAT, 0o660),
  fstat: (fd) => info(fstatSync(fd, { bigint: true })),
  close: closeSync,
  tryLock,
  unlock,
  syncfs,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
