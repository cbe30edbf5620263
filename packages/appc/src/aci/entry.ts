/** One archive member as the reader reports it. Paths are cleaned and relative to the archive root. */
export interface AciEntry {
  /** `manifest`, `rootfs`, or `rootfs/...` */
  path: string;
  type: AciEntryType;
  /** permission bits including setuid/setgid/sticky (0o7777) */
  mode: number;
  uid: number;
  gid: number;
  mtime: Date;
  size: number;
  /** symlink target as stored, or the cleaned archive path a hardlink points to */
  linkname?: string;
  devmajor: number;
  devminor: number;
  /** extended attributes from PAX `SCHILY.xattr.*` records */
  xattrs: Record<string, string>;
}

export type AciEntryType =
  'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'block-device' | 'fifo';

export const ENTRY_TYPES: ReadonlySet<string> = new Set<AciEntryType>([
  'file',
  'directory',
  'symlink',
  'link',
  'character-device',
  'block-device',
  'fifo',
]);
