import { RktError } from '@rkt/common';

/** The archive path of the tree's root; every rendered entry is `rootfs` or `rootfs/...`. */
export const ROOT = 'rootfs';

/** `rootfs/a/b` → `rootfs/a`; `rootfs` → `''`. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The path relative to the tree root as the hash names it: `rootfs` → `''`, `rootfs/a` → `a`. */
export function relOf(path: string): string {
  return path === ROOT ? '' : path.slice(ROOT.length + 1);
}

/** An empty, `.` or `..` component, or a leading/trailing slash. */
const UNCLEAN = /(^|\/)(\.\.?)?(\/|$)/;

/**
 * The reader already cleans names; checked again because this is the one place that turns names into
 * file system paths, and a `..` here would write outside the tree.
 */
export function isTreePath(path: string): boolean {
  if (path === ROOT) return true;
  return path.startsWith(`${ROOT}/`) && !UNCLEAN.test(path.slice(ROOT.length + 1)) && !path.includes('\0');
}

export function invalid(message: string): RktError {
  return new RktError('ACI_INVALID', message);
}
