import { realpath } from 'node:fs/promises';
import { RktError } from '../errors.js';
import { DEFAULT_DATA_DIR } from '../flags/global-flags.js';
import type { RktConfig } from './types.js';

/**
 * rkt's data dir: --dir when given, else paths.d `data`, else /var/lib/rkt; symlinks resolved when the
 * path exists (a missing one is returned as is).
 */
export async function resolveDataDir(
  dirFlag: string | undefined,
  config: Pick<RktConfig, 'paths'>,
): Promise<string> {
  const dir = dirFlag || config.paths.data || DEFAULT_DATA_DIR;
  try {
    return await realpath(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return dir;
    throw new RktError('DATA_DIR', `cannot evaluate dataDir: ${JSON.stringify(dir)}`, { cause: err });
  }
}
