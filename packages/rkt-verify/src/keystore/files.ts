import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicKey } from 'openpgp';
import { TrustError } from '../errors.js';
import { FINGERPRINT_NAME } from '../fingerprint.js';
import { readPublicKeys } from '../pgp.js';
import type { ScopeDir } from './dirs.js';

/** A file in a scope directory named like a fingerprint. Empty = a mask. */
export interface KeyFile extends ScopeDir {
  path: string;
  fingerprint: string;
  empty: boolean;
}

/**
 * The key files of one directory, sorted by name; [] when it does not exist. Only regular files
 * (symlinks followed) named by a lowercase fingerprint count: temp files and notes are ignored.
 */
export async function keyFilesIn(scope: ScopeDir): Promise<KeyFile[]> {
  const names = await readdir(scope.dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return [] as string[];
    throw e;
  });
  const files: KeyFile[] = [];
  for (const name of names.filter((n) => FINGERPRINT_NAME.test(n)).sort()) {
    const path = join(scope.dir, name);
    const st = await stat(path).catch(() => undefined);
    if (st?.isFile()) files.push({ ...scope, path, fingerprint: name, empty: st.size === 0 });
  }
  return files;
}

/** The key a store file holds: exactly one public key whose fingerprint is the file's name. */
export async function readKeyFile(file: KeyFile): Promise<PublicKey> {
  const keys = await readPublicKeys(await readFile(file.path), `trusted key file "${file.path}"`).catch(
    (e: unknown) => {
      throw new TrustError('KEYSTORE_BAD_KEY', e instanceof Error ? e.message : String(e), { cause: e });
    },
  );
  const [key] = keys;
  if (keys.length !== 1 || key === undefined || key.getFingerprint() !== file.fingerprint) {
    throw new TrustError(
      'KEYSTORE_BAD_KEY',
      `trusted key file "${file.path}" must hold exactly the one key its name gives`,
      { hint: 'Remove the file, then add the key again with rkt trust.' },
    );
  }
  return key;
}
