import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RktError } from '@rkt/common';

const run = promisify(execFile);

/**
 * Copy the directory `from` as `to` (merged into `to` if it exists), keeping modes, owners (when
 * root), times, links, devices and xattrs: coreutils `cp -a`, which is what rkt's CopyTree does.
 */
export async function copyTree(from: string, to: string): Promise<void> {
  try {
    await run('cp', ['-a', '--no-target-directory', '--', from, to], { maxBuffer: 1 << 20 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new RktError('COPY_FAILED', `error copying ACI rootfs: ${stderr || (err as Error).message}`, {
      cause: err,
    });
  }
}
