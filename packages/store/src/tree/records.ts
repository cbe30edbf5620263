import { createHash } from 'node:crypto';

/** d directory, f regular file (hardlinks too: they are the same file), l symlink, c/b devices, p fifo. */
export type NodeKind = 'd' | 'f' | 'l' | 'c' | 'b' | 'p' | 's';

/** What the tree hash covers for one path. Fields that do not apply to a kind are 0 or ''. */
export interface PathRecord {
  kind: NodeKind;
  /** permission bits incl. setuid/setgid/sticky; 0 for symlinks (Linux ignores their mode) */
  mode: number;
  /** the owner on disk: the entry's when the tree was written with chown, else the writer's */
  uid: number;
  gid: number;
  /** bytes, regular files only */
  size: number;
  /** symlink target, verbatim */
  link: string;
  major: number;
  minor: number;
  /** hex SHA-512 of the content, regular files only */
  digest: string;
}

export function kindName(kind: NodeKind): string {
  return KIND_NAMES[kind];
}

const KIND_NAMES: Record<NodeKind, string> = {
  d: 'directory',
  f: 'regular file',
  l: 'symlink',
  c: 'character device',
  b: 'block device',
  p: 'fifo',
  s: 'socket',
};

const FORMAT = 'rkt-ts-tree-v1\0';

/**
 * One path's record: fixed-arity, NUL-terminated fields (no field can contain NUL). It starts with
 * the relative path, so sorting encoded records bytewise sorts them by path bytewise.
 */
export function encodeRecord(rel: string, r: PathRecord): Buffer {
  return Buffer.from(
    `${rel}\0${r.kind}\0${r.mode.toString(8)}\0${r.uid}\0${r.gid}\0${r.size}\0${r.link}\0` +
      `${r.major}\0${r.minor}\0${r.digest}\0`,
  );
}

/**
 * The tree hash: SHA-512 over the records of every path sorted bytewise, so it does not depend on
 * the order in which paths were written. Mtimes and xattrs are not covered (see index.ts).
 */
export function treeDigest(records: Buffer[]): string {
  records.sort(Buffer.compare);
  const hash = createHash('sha512').update(FORMAT);
  for (const r of records) hash.update(r);
  return `sha512-${hash.digest('hex')}`;
}

/** glibc's major()/minor() for a Linux dev_t. */
export function splitDev(rdev: number): [number, number] {
  const dev = BigInt(rdev);
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & 0xfffff000n);
  const minor = (dev & 0xffn) | ((dev >> 12n) & 0xffffff00n);
  return [Number(major), Number(minor)];
}
