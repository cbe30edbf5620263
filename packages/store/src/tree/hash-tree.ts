import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { encodeRecord, splitDev, treeDigest, type NodeKind, type PathRecord } from './records.js';

const READ_BYTES = 1 << 20;

/**
 * The tree hash of a rendered rootfs, read back from disk: the same function TreeWriter.finish
 * computes while writing (records.ts), so `rkt image verify` can compare the two. Never follows
 * symlinks; hardlinked files are read once. Synchronous calls on purpose (one round trip each).
 */
export async function hashTree(rootfs: string): Promise<string> {
  const walk = new Walk();
  const root = resolve(rootfs);
  walk.visit(root, '', lstatSync(root));
  return treeDigest(walk.lines);
}

class Walk {
  readonly lines: Buffer[] = [];
  private readonly buf = Buffer.allocUnsafe(READ_BYTES);
  /** `dev:ino` → digest, for hardlinks */
  private readonly digests = new Map<string, string>();

  visit(abs: string, rel: string, st: Stats): void {
    this.lines.push(encodeRecord(rel, this.record(abs, st)));
    if (!st.isDirectory()) return;
    for (const name of readdirSync(abs)) {
      const child = `${abs}/${name}`;
      this.visit(child, rel === '' ? name : `${rel}/${name}`, lstatSync(child));
    }
  }

  private record(abs: string, st: Stats): PathRecord {
    const kind = kindOf(st);
    const r: PathRecord = {
      kind,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      size: 0,
      link: '',
      major: 0,
      minor: 0,
      digest: '',
    };
    if (kind === 'f') {
      r.size = st.size;
      r.digest = this.digest(abs, st);
    } else if (kind === 'l') {
      r.mode = 0;
      r.link = readlinkSync(abs);
    } else if (kind === 'c' || kind === 'b') {
      [r.major, r.minor] = splitDev(st.rdev);
    }
    return r;
  }

  private digest(abs: string, st: Stats): string {
    const key = `${st.dev}:${st.ino}`;
    const known = st.nlink > 1 ? this.digests.get(key) : undefined;
    if (known !== undefined) return known;
    const hash = createHash('sha512');
    const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      for (let n = readSync(fd, this.buf); n > 0; n = readSync(fd, this.buf))
        hash.update(this.buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    const digest = hash.digest('hex');
    if (st.nlink > 1) this.digests.set(key, digest);
    return digest;
  }
}

function kindOf(st: Stats): NodeKind {
  if (st.isDirectory()) return 'd';
  if (st.isFile()) return 'f';
  if (st.isSymbolicLink()) return 'l';
  if (st.isCharacterDevice()) return 'c';
  if (st.isBlockDevice()) return 'b';
  if (st.isFIFO()) return 'p';
  return 's';
}
