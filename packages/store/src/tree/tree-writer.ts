import { lstatSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { AciEntry } from '@rkt/appc';
import { drain } from './content.js';
import { DirIndex } from './dirs.js';
import { fillFile, makeHardlink, makeNode, makeSymlink, openNew } from './nodes.js';
import { invalid, isTreePath, parentOf, relOf, ROOT } from './paths.js';
import { encodeRecord, kindName, treeDigest, type NodeKind, type PathRecord } from './records.js';
import { ImageScope, typeName } from './scope.js';
import type { ImageWhitelists } from './whitelist.js';

/**
 * Renders the rootfs entries of an image and its dependencies into one directory. Images come top
 * first and the first writer of a path wins (appc acirenderer); see index.ts for the whole contract.
 * Calls must not overlap: await each write before the next.
 */
export class TreeWriter {
  /** what could not be rendered but did not fail the render (device nodes without CAP_MKNOD) */
  readonly warnings: string[] = [];
  private readonly chown: boolean;
  /** every non-directory written, by archive path; hardlinks share their target's record */
  private readonly nonDirs = new Map<string, PathRecord>();
  private readonly dirs: DirIndex;
  private scope: ImageScope | undefined;
  private bytes = 0;
  private finished = false;

  /** `rootfs` is created if missing; it should be empty (what is already there is never replaced). */
  constructor(rootfs: string, opts: { chown: boolean }) {
    const root = resolve(rootfs);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    if (!lstatSync(root).isDirectory()) throw new Error(`tree root ${root} is not a directory`);
    this.chown = opts.chown;
    this.dirs = new DirIndex(root, this.nonDirs);
  }

  beginImage(whitelists?: ImageWhitelists): void {
    if (this.finished) throw new Error('TreeWriter: beginImage after finish');
    this.scope = new ImageScope(whitelists);
  }

  async write(entry: AciEntry, body: Readable): Promise<void> {
    let consumed = false;
    try {
      const scope = this.current();
      const abs = this.admit(entry, scope);
      if (abs === undefined) return;
      if (entry.type !== 'file') {
        if (!this.create(entry, abs)) scope.skip(entry.path, 'shadowed');
        return;
      }
      const fd = openNew(abs);
      if (fd === undefined) return scope.skip(entry.path, 'shadowed');
      consumed = true;
      const { digest, size } = await fillFile(fd, entry, body, this.chown);
      this.bytes += size;
      this.nonDirs.set(entry.path, { ...this.base(entry, 'f'), size, digest });
    } finally {
      if (!consumed) await drain(body).catch(() => undefined);
    }
  }

  /** Apply the deferred directory metadata; the tree hash and the bytes of regular files (hardlinks once). */
  async finish(): Promise<{ hash: string; size: number }> {
    if (this.finished) throw new Error('TreeWriter: finish called twice');
    this.finished = true;
    const lines: Buffer[] = [];
    for (const [path, r] of this.dirs.finish(this.chown)) lines.push(encodeRecord(relOf(path), r));
    for (const [path, r] of this.nonDirs) lines.push(encodeRecord(relOf(path), r));
    return { hash: treeDigest(lines), size: this.bytes };
  }

  private current(): ImageScope {
    if (this.finished) throw new Error('TreeWriter: write after finish');
    if (!this.scope) throw new Error('TreeWriter: write before beginImage');
    return this.scope;
  }

  /**
   * Checks, whitelist and placement. Returns where to create a non-directory, or undefined when there
   * is nothing more to do (a directory, handled here, or a skipped entry). Throws ACI_INVALID for
   * archives that are broken or hostile on their own.
   */
  private admit(entry: AciEntry, scope: ImageScope): string | undefined {
    const { path, type } = entry;
    if (!isTreePath(path)) throw invalid(`entry "${path}" is not a clean path under rootfs/`);
    if (path === ROOT && type !== 'directory')
      throw invalid(`"rootfs" is a ${typeName(type)}, not a directory`);
    scope.see(entry);
    if (type === 'link') this.checkLink(entry, scope);
    if (type === 'symlink' && !entry.linkname) throw invalid(`symlink "${path}" has no target`);
    if (!scope.filter.keeps(path, type === 'directory')) {
      scope.skip(path, 'whitelist');
      return undefined;
    }
    if (type === 'directory') {
      this.dirs.claim(entry);
      return undefined;
    }
    const free = !this.nonDirs.has(path) && !this.dirs.has(path) && this.dirs.ensure(parentOf(path));
    if (!free || (type === 'link' && !this.linkTarget(entry, scope))) {
      scope.skip(path, 'shadowed');
      return undefined;
    }
    return this.dirs.abs(path);
  }

  private checkLink(entry: AciEntry, scope: ImageScope): void {
    const target = entry.linkname ?? '';
    if (!isTreePath(target) || target === ROOT) {
      throw invalid(`hardlink "${entry.path}" points outside rootfs/: "${target}"`);
    }
    scope.checkLinkTarget(entry.path, target);
  }

  /**
   * The record of a hardlink's target: a regular file of the tree. Undefined when this image's target
   * was shadowed by an upper image (the link goes with it); throws when it is missing, not a regular
   * file, or dropped by this image's whitelist (even if an upper image has a file there: the link
   * would get that file's content instead of the one the archive meant).
   */
  private linkTarget(entry: AciEntry, scope: ImageScope): PathRecord | undefined {
    const target = entry.linkname ?? '';
    const reason = scope.skipReason(target);
    if (reason === 'shadowed') return undefined;
    const rec = this.nonDirs.get(target);
    if (rec?.kind === 'f' && reason === undefined) return rec;
    let what = rec ? `a ${kindName(rec.kind)}` : this.dirs.has(target) ? 'a directory' : 'missing';
    if (reason === 'whitelist') what = 'left out by pathWhitelist';
    throw invalid(
      `hardlink "${entry.path}" points to "${target}", which is ${what}; it must be a regular file`,
    );
  }

  /** Everything but regular files and directories; false when the path already exists. */
  private create(entry: AciEntry, abs: string): boolean {
    const { path, type } = entry;
    if (type === 'symlink') {
      if (!makeSymlink(abs, entry, this.chown)) return false;
      this.nonDirs.set(path, { ...this.base(entry, 'l'), mode: 0, link: entry.linkname ?? '' });
      return true;
    }
    if (type === 'link') {
      const target = entry.linkname ?? '';
      const rec = this.nonDirs.get(target);
      if (!rec || !makeHardlink(this.dirs.abs(target), abs)) return false;
      this.nonDirs.set(path, rec);
      return true;
    }
    try {
      if (!makeNode(abs, entry, this.chown)) return false;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPERM' || type === 'fifo') throw e;
      this.warnings.push(`${path}: ${typeName(type)} not created (creating device nodes needs root)`);
      return true;
    }
    const kind: NodeKind = type === 'fifo' ? 'p' : type === 'character-device' ? 'c' : 'b';
    const dev = kind === 'p' ? {} : { major: entry.devmajor, minor: entry.devminor };
    this.nonDirs.set(path, { ...this.base(entry, kind), ...dev });
    return true;
  }

  /** The record fields every kind shares; the owner is the one on disk (see index.ts). */
  private base(entry: AciEntry, kind: NodeKind): PathRecord {
    const [uid, gid] = this.chown ? [entry.uid, entry.gid] : this.dirs.newOwner(parentOf(entry.path));
    return { kind, mode: entry.mode & 0o7777, uid, gid, size: 0, link: '', major: 0, minor: 0, digest: '' };
  }
}
