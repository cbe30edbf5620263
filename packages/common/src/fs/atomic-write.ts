import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicOptions {
  /** Exact permission bits of the result (applied with fchmod, so the umask does not narrow them).
   *  Without it the file is created 0666 minus the umask, like fs.writeFile. */
  mode?: number;
  /** fsync the file before the rename and its directory after it. Default true. */
  fsync?: boolean;
}

/**
 * Replaces `path` so that readers see either the old content or the whole new content, never a mix:
 * write a temp file in the same directory (rename is atomic only within one file system), then rename.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const fsync = options.fsync ?? true;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', options.mode ?? 0o666);
    try {
      if (options.mode !== undefined) await fh.chmod(options.mode);
      await fh.writeFile(data);
      if (fsync) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (fsync) await fsyncDir(dir);
}

/** fsync a directory, making renames and creations of its entries durable. */
export async function fsyncDir(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
