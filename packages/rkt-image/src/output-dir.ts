import { lstat, mkdir, readdir, realpath, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RktError } from '@rkt/common';
import { failure, isSystemError } from './errors.js';

export interface OutputDir {
  /** absolute path */
  path: string;
  /** made by us (removed again if the command fails) rather than an existing empty directory */
  created: boolean;
}

/**
 * Make `dir` ready to receive an image. A missing directory is created and an empty one used; anything
 * else at that path is refused unless `overwrite`, which removes it first. `/` is always refused.
 */
export async function prepareOutputDir(dir: string, overwrite: boolean): Promise<OutputDir> {
  const path = resolve(dir);
  const refuseRoot = () =>
    new RktError('OUTPUT_IS_ROOT', 'this would delete your root filesystem. Refusing.');
  if (path === '/') throw refuseRoot();
  const st = await lstat(path).catch((err: unknown) => {
    if (isSystemError(err) && err.code === 'ENOENT') return undefined;
    throw failure('OUTPUT_DIR', `cannot use output directory ${path}`, err);
  });
  if (st !== undefined) {
    if (st.isDirectory() && (await realpath(path)) === '/') throw refuseRoot();
    if (st.isDirectory() && (await readdir(path)).length === 0) return { path, created: false };
    if (!overwrite) throw new RktError('OUTPUT_EXISTS', 'output directory exists (try --overwrite)');
    await rm(path, { recursive: true, force: true }).catch((err: unknown) => {
      throw failure('OUTPUT_DIR', 'error removing existing output dir', err);
    });
  }
  await mkdir(path, { recursive: true, mode: 0o755 }).catch((err: unknown) => {
    throw failure('OUTPUT_DIR', 'error creating output directory', err);
  });
  return { path, created: true };
}

/** Undo what a failed command wrote: remove a directory we made, empty one that was there. */
export async function discardOutputDir(out: OutputDir): Promise<void> {
  if (out.created) {
    await rm(out.path, { recursive: true, force: true });
    return;
  }
  const names = await readdir(out.path).catch(() => []);
  await Promise.all(names.map((n) => rm(resolve(out.path, n), { recursive: true, force: true })));
}
