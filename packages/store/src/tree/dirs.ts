import { chmodSync, lchownSync, lstatSync, lutimesSync, mkdirSync, type Stats } from 'node:fs';
import type { AciEntry } from '@rkt/appc';
import { parentOf, ROOT } from './paths.js';
import type { PathRecord } from './records.js';

/** Mode of directories no entry describes (missing from the archive, or parents the whitelist kept). */
export const IMPLICIT_DIR_MODE = 0o755;

const S_ISGID = 0o2000;

interface DirMeta {
  mode: number;
  uid: number;
  gid: number;
  mtime: Date;
}

interface DirState {
  abs: string;
  /** from the first entry that named this directory; undefined while none did */
  meta: DirMeta | undefined;
  /** created by this writer (mode 0700 until finish), else found on disk */
  created: boolean;
  /** owner and mode on disk now */
  uid: number;
  gid: number;
  mode: number;
  /** the group that new children get (the directory's own when setgid, else the writer's) */
  childGid: number;
}

/**
 * Every directory of the tree, each known to be a real directory (never a symlink) whose whole chain
 * up to the root is made of such directories: the parent check of a write is one Map lookup. Only
 * this writer changes the tree while it renders, and it never removes or replaces anything, so an
 * entry stays valid once made.
 */
export class DirIndex {
  private readonly dirs = new Map<string, DirState>();
  private readonly euid = process.geteuid?.() ?? 0;
  private readonly egid = process.getegid?.() ?? 0;

  constructor(
    private readonly root: string,
    /** paths of the tree that are not directories */
    private readonly nonDirs: ReadonlyMap<string, PathRecord>,
  ) {
    this.dirs.set(ROOT, this.found(root, lstatSync(root)));
  }

  abs(path: string): string {
    return this.root + path.slice(ROOT.length);
  }

  has(path: string): boolean {
    return this.dirs.has(path);
  }

  /** Owner a new child of `dir` gets when nobody chowns it: the writer, and the group rules of `dir`. */
  newOwner(dir: string): [uid: number, gid: number] {
    return [this.euid, this.childGid(dir)];
  }

  private childGid(dir: string): number {
    return this.dirs.get(dir)?.childGid ?? this.egid;
  }

  /**
   * Make `path` usable as a parent, creating missing directories (implicitly, IMPLICIT_DIR_MODE).
   * False when the path or one of its parents is not a directory: written by an upper image as a
   * symlink or file (shadowing), or found on disk as one.
   */
  ensure(path: string): boolean {
    if (this.dirs.has(path)) return true;
    if (this.nonDirs.has(path) || path === ROOT) return false;
    return this.ensure(parentOf(path)) && this.make(path);
  }

  /**
   * An entry names a directory: the first to name it sets its final metadata. False when skipped:
   * another entry already named it, or the path is taken by a non-directory (or sits under one).
   */
  claim(entry: AciEntry): boolean {
    const existing = this.dirs.get(entry.path);
    if (existing) {
      if (existing.meta) return false;
      existing.meta = metaOf(entry);
      return true;
    }
    if (!this.ensure(entry.path)) return false;
    const made = this.dirs.get(entry.path);
    if (made) made.meta = metaOf(entry);
    return true;
  }

  /** mkdir under a parent already in the index: the parent is real, so nothing is followed. */
  private make(path: string): boolean {
    const abs = this.abs(path);
    try {
      mkdirSync(abs, 0o700);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = lstatSync(abs);
      if (!st.isDirectory()) return false;
      this.dirs.set(path, this.found(abs, st));
      return true;
    }
    const gid = this.childGid(parentOf(path));
    this.dirs.set(path, {
      abs,
      meta: undefined,
      created: true,
      uid: this.euid,
      gid,
      mode: 0o700,
      childGid: gid,
    });
    return true;
  }

  private found(abs: string, st: Stats): DirState {
    const childGid = st.mode & S_ISGID ? st.gid : this.egid;
    return {
      abs,
      meta: undefined,
      created: false,
      uid: st.uid,
      gid: st.gid,
      mode: st.mode & 0o7777,
      childGid,
    };
  }

  /**
   * Give every directory its final owner, mode and mtime, deepest first: children were written while
   * their parents were 0700 (a read-only mode would have blocked them), and the parent's mtime must
   * be set after its last child changed it. Returns each directory's record.
   */
  finish(chown: boolean): Map<string, PathRecord> {
    const records = new Map<string, PathRecord>();
    for (const [path, d] of [...this.dirs].reverse()) {
      if (d.meta) {
        if (chown) {
          lchownSync(d.abs, d.meta.uid, d.meta.gid);
          d.uid = d.meta.uid;
          d.gid = d.meta.gid;
        }
        chmodSync(d.abs, d.meta.mode);
        lutimesSync(d.abs, d.meta.mtime, d.meta.mtime);
        d.mode = d.meta.mode;
      } else if (d.created) {
        chmodSync(d.abs, IMPLICIT_DIR_MODE);
        d.mode = IMPLICIT_DIR_MODE;
      }
      records.set(path, dirRecord(d));
    }
    return records;
  }
}

function metaOf(e: AciEntry): DirMeta {
  return { mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime };
}

function dirRecord(d: DirState): PathRecord {
  return {
    kind: 'd',
    mode: d.mode,
    uid: d.uid,
    gid: d.gid,
    size: 0,
    link: '',
    major: 0,
    minor: 0,
    digest: '',
  };
}
