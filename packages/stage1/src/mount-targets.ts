import { chmod, chown, lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stage1Error } from './errors.js';

export interface Owner {
  mode: number;
  /** absent: whoever creates it (root, when stage0 prepares a pod) */
  uid?: number;
  gid?: number;
}

/** A directory with exactly this mode (and owner, if given); an existing one must be a real directory. */
export async function ensureDir(path: string, owner: Owner): Promise<void> {
  await mkdir(path, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const st = await lstat(path);
  if (!st.isDirectory()) throw stage1Error('APP_MOUNT_TARGET', `${path} exists and is not a directory`);
  if ((st.mode & 0o7777) !== owner.mode) await chmod(path, owner.mode);
  const uid = owner.uid ?? st.uid;
  const gid = owner.gid ?? st.gid;
  if (st.uid !== uid || st.gid !== gid) await chown(path, uid, gid);
}

const NEW_DIR: Owner = { mode: 0o755 };

/**
 * Create a missing mount target (`target`: in-root, symlink-free up to the missing part) under
 * `base`: the copy itself, or an overlay's upper dir. In an upper dir, parents that exist in the tree
 * are created with the tree's mode and owner (overlayfs shows the upper dir's attributes for a merged
 * directory, so a plain 0755 would change, say, /tmp's 1777); new ones are 0755, owned by the caller
 * (root when stage0 prepares: appc §6 wants 0:0).
 */
export async function createMountTarget(
  tree: string,
  base: string,
  target: string,
  type: 'dir' | 'file',
  overlay: boolean,
): Promise<void> {
  const parts = target.split('/').filter((p) => p !== '');
  let rel = '';
  for (const [i, part] of parts.entries()) {
    rel = `${rel}/${part}`;
    const inTree = await lstat(join(tree, rel)).catch(() => undefined);
    const last = i === parts.length - 1;
    if (inTree !== undefined) {
      if (!inTree.isDirectory())
        throw stage1Error('APP_MOUNT_TARGET', `${rel} in ${tree} is not a directory`);
      if (overlay)
        await ensureDir(join(base, rel), { mode: inTree.mode & 0o7777, uid: inTree.uid, gid: inTree.gid });
    } else if (last && type === 'file') {
      await writeFile(join(base, rel), '', { flag: 'wx', mode: 0o644 });
    } else {
      await ensureDir(join(base, rel), NEW_DIR);
    }
  }
}
