import { posix } from 'node:path';
import { parentOf, ROOT } from './paths.js';

/** Absolute paths as written in pathWhitelist: `/etc/x` names the archive entry `rootfs/etc/x`. */
export interface ImageWhitelists {
  /** the image's own pathWhitelist */
  own?: readonly string[];
  /** the pathWhitelist that bounds the image's branch of the dependency tree (the store picks it) */
  ancestor?: readonly string[];
}

/**
 * appc §3.3 / acirenderer, with exact path matching as in Go (a listed directory does not admit its
 * contents; the spec calls the list "complete"):
 * - `rootfs` itself is always kept;
 * - a non-directory is kept only if it is listed in `own` (when `own` is non-empty) AND listed in
 *   `ancestor` (when `ancestor` is non-empty);
 * - a directory ignores `own` (appc keeps directories), and with a non-empty `ancestor` it is kept
 *   when listed or when it is a parent of a listed path. Go drops such unlisted parents and lets
 *   extraction recreate them with default metadata; keeping them keeps the archive's metadata. A
 *   directory on no listed path could only stay empty, so it is dropped.
 */
export class PathFilter {
  private readonly own: ReadonlySet<string> | undefined;
  private readonly ancestor: ReadonlySet<string> | undefined;
  private readonly ancestorParents = new Set<string>();

  constructor(whitelists: ImageWhitelists = {}) {
    this.own = toArchivePaths(whitelists.own);
    this.ancestor = toArchivePaths(whitelists.ancestor);
    for (const path of this.ancestor ?? []) {
      for (let p = parentOf(path); p.startsWith(ROOT); p = parentOf(p)) this.ancestorParents.add(p);
    }
  }

  keeps(path: string, isDirectory: boolean): boolean {
    if (path === ROOT) return true;
    if (isDirectory) return !this.ancestor || this.ancestor.has(path) || this.ancestorParents.has(path);
    return (!this.own || this.own.has(path)) && (!this.ancestor || this.ancestor.has(path));
  }
}

/** Go's `filepath.Join("rootfs", name)`: cleaned, so `/etc/x/` and `etc/x` both name `rootfs/etc/x`. */
function toArchivePaths(list: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!list || list.length === 0) return undefined;
  return new Set(list.map((name) => posix.join(ROOT, name).replace(/\/+$/, '')));
}
