import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RktError } from '../errors.js';

/**
 * The config files of one directory, in name order: regular `*.json` files directly inside it.
 * Subdirectories, symlinks and other names are skipped. A missing directory has none; a path that
 * exists but is not a directory is an error.
 */
export async function listConfigFiles(dir: string): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new RktError('CONFIG_READ', `cannot read configuration directory ${JSON.stringify(dir)}`, {
      cause: err,
    });
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => e.name)
    .sort()
    .map((name) => join(dir, name));
}

/** False when `path` is "" or does not exist. */
export async function isDirectory(path: string): Promise<boolean> {
  if (path === '') return false;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new RktError('CONFIG_READ', `cannot read configuration directory ${JSON.stringify(path)}`, {
      cause: err,
    });
  }
  throw new RktError('CONFIG_INVALID', `expected ${JSON.stringify(path)} to be a directory`);
}
