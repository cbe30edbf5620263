import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Modes follow rkt's tmpfiles.d: the store is shared with the `rkt` group (setgid dirs, 0660 files),
 * except the tree store, whose rootfs trees may hold setuid binaries and stay owner-only.
 */
export const DIR_MODE = 0o2770;
export const PRIVATE_DIR_MODE = 0o2700;
export const FILE_MODE = 0o660;

const SHARED_DIRS = [
  'blob',
  'blob/sha512',
  'imageManifest',
  'imageManifest/sha512',
  'index',
  'remote',
  'imagelocks',
  'tmp',
];
const PRIVATE_DIRS = ['tree', 'treestorelocks'];

/** Every path of the store under one data dir. Keys and tree ids must be validated by callers. */
export class Layout {
  readonly cas: string;
  readonly tmp: string;
  readonly index: string;
  readonly remote: string;
  readonly trees: string;

  constructor(dataDir: string) {
    this.cas = join(resolve(dataDir), 'cas');
    this.tmp = join(this.cas, 'tmp');
    this.index = join(this.cas, 'index');
    this.remote = join(this.cas, 'remote');
    this.trees = join(this.cas, 'tree');
  }

  /** Create whatever is missing; existing directories keep their modes. */
  create(): void {
    makeDir(this.cas, DIR_MODE, true);
    for (const d of SHARED_DIRS) makeDir(join(this.cas, d), DIR_MODE);
    for (const d of PRIVATE_DIRS) makeDir(join(this.cas, d), PRIVATE_DIR_MODE);
  }

  blob(key: string): string {
    return join(this.cas, 'blob', 'sha512', fanout(key), key);
  }

  manifest(key: string): string {
    return join(this.cas, 'imageManifest', 'sha512', fanout(key), key);
  }

  record(key: string): string {
    return join(this.index, `${key}.json`);
  }

  remoteRecord(url: string): string {
    return join(this.remote, `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  imageLock(key: string): string {
    return join(this.cas, 'imagelocks', key);
  }

  tree(id: string): string {
    return join(this.trees, id);
  }

  treeLock(id: string): string {
    return join(this.cas, 'treestorelocks', id);
  }
}

/** The diskv fan-out directory: the first two hex digits after `sha512-`. */
function fanout(key: string): string {
  return key.slice(7, 9);
}

/** mkdir with an exact mode (the umask would narrow it); EEXIST is fine. */
export function makeDir(path: string, mode: number, parents = false): void {
  if (parents) mkdirSync(join(path, '..'), { recursive: true });
  try {
    mkdirSync(path, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw e;
  }
  chmodSync(path, mode);
}
