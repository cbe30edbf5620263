/**
 * The tree writer: renders ACI entries into a rootfs directory, safely.
 *
 * Contract (the store relies on it):
 * - Images are rendered top image first; the first writer of a path wins. A lower image never
 *   replaces a path, and skips any path under a non-directory written before it (an upper symlink
 *   `rootfs/lib -> usr/lib` hides the lower `rootfs/lib/...`). A directory named by several images
 *   keeps the metadata of the first that named it; directories created only because a child needed
 *   them (no entry names them) are 0755, owned by the writer.
 * - pathWhitelist rules: see PathFilter (whitelist.ts).
 * - Nothing is created outside rootfs: parents are known real directories (created or lstat-checked,
 *   never followed through a symlink), and every create is exclusive. An archive that writes through
 *   its own symlink or non-directory fails with ACI_INVALID; across images the entry is skipped.
 *   Symlink targets are stored verbatim and never resolved here. Hardlinks must point to a regular
 *   file of the tree; one whose target an upper image shadowed is skipped with it.
 * - Metadata: owners only when `chown` (root); full modes incl. setuid/setgid/sticky after the
 *   owner; mtimes. Directory metadata is applied by finish(). Device nodes need CAP_MKNOD: without it
 *   they are skipped with a warning (TreeWriter.warnings); fifos are always created.
 * - xattrs are NOT applied: Node cannot set them. They are left out of the tree hash too, since
 *   hashTree must recompute the hash from disk.
 *
 * Tree hash (`sha512-` + 128 hex): SHA-512 over one record per path, sorted bytewise by the path
 * relative to rootfs (the root is ''): type, mode & 0o7777 (0 for symlinks), uid, gid as on disk
 * (the entry's with chown, else the writer's and its directory group rules), size and content SHA-512
 * of regular files, symlink target, device major/minor. Hardlinks are plain regular files in it.
 * Not covered: mtimes (copying or touching would change them), xattrs, sizes of non-files. `size`
 * counts regular-file bytes once per inode.
 */
export { TreeWriter } from './tree-writer.js';
export { hashTree } from './hash-tree.js';
export type { ImageWhitelists } from './whitelist.js';
