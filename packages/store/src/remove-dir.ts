import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `rm -rf`. Rendered trees keep their images' modes, so a directory may lack the write bit its owner
 * needs to empty it (fine for root, not for other users): on EACCES/EPERM, open up the directories
 * and try again.
 */
export async function removeAll(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw e;
    openUp(path);
    await rm(path, { recursive: true, force: true });
  }
}

function openUp(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return;
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) openUp(join(dir, name));
  } catch {
    // best effort: the retried rm reports what is still in the way
  }
}
