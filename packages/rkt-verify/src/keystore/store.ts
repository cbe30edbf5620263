import { chmod, mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '@rkt/common';
import type { PublicKey } from 'openpgp';
import { scopeDir, type KeystoreDirs } from './dirs.js';

const DIR_MODE = 0o755;
const FILE_MODE = 0o644;

/**
 * Stores `key` in the local key store for `prefix` (undefined = root) and returns the file's path:
 * `<local-config>/trustedkeys/{root.d,prefix.d/<prefix>}/<fingerprint>`, mode 0644, holding the
 * key re-armored by openpgp (so exactly one public key, never anything else the input carried).
 * An existing file of that fingerprint (a key or a mask) is replaced.
 */
export async function storeTrustedKey(
  dirs: KeystoreDirs,
  prefix: string | undefined,
  key: PublicKey,
): Promise<string> {
  const dir = await makeScopeDir(dirs.localConfig, prefix);
  const path = join(dir, key.getFingerprint());
  await writeFileAtomic(path, key.armor(), { mode: FILE_MODE });
  return path;
}

/** Creates the local scope directory, every created level 0755 whatever the umask. */
export async function makeScopeDir(localConfig: string, prefix: string | undefined): Promise<string> {
  const dir = scopeDir(localConfig, prefix);
  const first = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (first !== undefined) {
    const parts = relative(first, dir).split(sep).filter(Boolean);
    for (let i = 0; i <= parts.length; i++) await chmod(join(first, ...parts.slice(0, i)), DIR_MODE);
  }
  return dir;
}
