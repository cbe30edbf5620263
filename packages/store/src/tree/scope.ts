import type { AciEntry, AciEntryType } from '@rkt/appc';
import { invalid, parentOf } from './paths.js';
import { PathFilter, type ImageWhitelists } from './whitelist.js';

/** Why an entry of this image was not written. */
export type SkipReason = 'shadowed' | 'whitelist';

/**
 * What one image's archive said so far, to reject archives that are hostile on their own: a member
 * placed under a symlink (or any non-directory) of the same archive is a write through it, whatever
 * the rendering would do with it.
 */
export class ImageScope {
  readonly filter: PathFilter;
  /** every path some member of this image was placed under */
  private readonly parents = new Set<string>();
  /** every non-directory member of this image, written or not */
  private readonly nonDirs = new Map<string, AciEntryType>();
  private readonly skipped = new Map<string, SkipReason>();

  constructor(whitelists?: ImageWhitelists) {
    this.filter = new PathFilter(whitelists);
  }

  /**
   * Register a member, throwing ACI_INVALID when it lies under a non-directory member of this image
   * or when it is a non-directory over members already placed under its path. Invariant: no path is
   * both in `parents` and in `nonDirs`, so a parent already in `parents` needs no further look.
   */
  see(entry: AciEntry): void {
    const { path, type } = entry;
    for (let p = parentOf(path); p !== '' && !this.parents.has(p); p = parentOf(p)) {
      const under = this.nonDirs.get(p);
      if (under !== undefined)
        throw invalid(`"${path}" would be written through the ${typeName(under)} "${p}"`);
      this.parents.add(p);
    }
    if (this.nonDirs.has(path)) throw invalid(`duplicate entry "${path}"`);
    if (type === 'directory') return;
    if (this.parents.has(path)) {
      throw invalid(`${typeName(type)} "${path}" replaces a directory that earlier members are under`);
    }
    this.nonDirs.set(path, type);
  }

  /** A hardlink target must not lie under a non-directory member of this image either. */
  checkLinkTarget(path: string, target: string): void {
    for (let p = parentOf(target); p !== ''; p = parentOf(p)) {
      const under = this.nonDirs.get(p);
      if (under !== undefined) {
        throw invalid(`hardlink "${path}" points to "${target}" through the ${typeName(under)} "${p}"`);
      }
    }
  }

  typeOf(path: string): AciEntryType | undefined {
    return this.nonDirs.get(path);
  }

  skip(path: string, reason: SkipReason): void {
    this.skipped.set(path, reason);
  }

  skipReason(path: string): SkipReason | undefined {
    return this.skipped.get(path);
  }
}

export function typeName(type: AciEntryType): string {
  return type === 'link' ? 'hardlink' : type.replace('-', ' ');
}
