import type { PublicKey } from 'openpgp';
import { checkImageName } from '../names.js';
import { keyringScopes, type KeySource, type KeystoreDirs } from './dirs.js';
import { keyFilesIn, readKeyFile, type KeyFile } from './files.js';

/** A key of a keyring and where it came from. */
export interface TrustedKey {
  fingerprint: string;
  key: PublicKey;
  source: KeySource;
  /** undefined = a root key. */
  prefix: string | undefined;
  path: string;
}

/** The keys trusted for one image name. */
export interface Keyring {
  imageName: string;
  dirs: KeystoreDirs;
  keys: TrustedKey[];
}

/**
 * The keyring of image `imageName` (see keyringScopes for the precedence). openpgp is loaded only
 * when there is a key to parse. A store file that holds no valid key fails the whole load
 * (KEYSTORE_BAD_KEY) rather than being skipped silently.
 */
export async function loadKeyring(dirs: KeystoreDirs, imageName: string): Promise<Keyring> {
  checkImageName(imageName);
  const files = await effectiveKeyFiles(dirs, imageName);
  const keys = await Promise.all(
    files.map(async (f) => ({
      fingerprint: f.fingerprint,
      key: await readKeyFile(f),
      source: f.source,
      prefix: f.prefix,
      path: f.path,
    })),
  );
  return { imageName, dirs, keys };
}

/** The non-empty key files that survive overriding and masking for image `name`. */
export async function effectiveKeyFiles(dirs: KeystoreDirs, name: string): Promise<KeyFile[]> {
  const byFingerprint = new Map<string, KeyFile>();
  for (const scope of keyringScopes(dirs, name)) {
    for (const file of await keyFilesIn(scope)) {
      byFingerprint.delete(file.fingerprint);
      if (!file.empty) byFingerprint.set(file.fingerprint, file);
    }
  }
  return [...byFingerprint.values()];
}
