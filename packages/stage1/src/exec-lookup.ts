import { posix } from 'node:path';
import type { EnvironmentVariable } from '@rkt/appc';
import { stage1Error } from './errors.js';
import { resolveInView, type RootView } from './root-view.js';

/**
 * argv with argv[0] made absolute the way rkt does it (rkt.md §6.3): absolute as is; with a slash,
 * relative to the working directory; a bare name searched in the app's own PATH (its manifest
 * environment, not the defaults), else `workingDirectory:/bin:/usr/bin`. Every candidate is checked in
 * the view, symlinks resolved inside the rootfs. argv[0] keeps the path the app would use, not the
 * symlink's target, so the program sees the name it expects.
 */
export async function resolveExec(
  view: RootView,
  app: string,
  exec: readonly string[] | undefined,
  workingDirectory: string,
  env: readonly EnvironmentVariable[] | undefined,
): Promise<string[]> {
  const [bin, ...args] = exec ?? [];
  if (bin === undefined || bin === '')
    throw stage1Error('APP_NO_EXEC', `app "${app}" has no executable (app.exec is empty)`);
  if (bin.includes('/')) {
    const path = posix.resolve(workingDirectory, bin);
    const r = await resolveInView(view, path);
    if (r.kind !== 'file')
      throw stage1Error(
        'APP_EXEC_NOT_FOUND',
        `app "${app}": executable ${path} not found in the app's root filesystem`,
      );
    return [path, ...args];
  }
  const searchPath = env?.find((e) => e.name === 'PATH')?.value;
  const dirs = searchPath === undefined ? [workingDirectory, '/bin', '/usr/bin'] : searchPath.split(':');
  for (const dir of dirs) {
    const candidate = posix.resolve(workingDirectory, dir === '' ? '.' : dir, bin);
    const r = await resolveInView(view, candidate);
    if (r.kind === 'file' && r.stat !== undefined && (r.stat.mode & 0o111) !== 0) return [candidate, ...args];
  }
  throw stage1Error(
    'APP_EXEC_NOT_FOUND',
    `app "${app}": executable "${bin}" not found in ${searchPath === undefined ? 'the default search path' : `PATH=${searchPath}`} of the app's root filesystem`,
  );
}
