import type { PublicKey } from 'openpgp';
import type { KeystoreDirs } from './dirs.js';
import { readKeyFile } from './files.js';
import { allPrefixes, visibleFiles } from './list.js';

/**
 * Every key trusted for some image: root keys and the keys of every prefix, one per fingerprint.
 * What a signature can be checked against before the image's name is known; trustedSigner then
 * decides with the keyring of that name. [] when nothing is trusted.
 */
export async function allTrustedKeys(dirs: KeystoreDirs): Promise<PublicKey[]> {
  const byFingerprint = new Map<string, PublicKey>();
  for (const prefix of [undefined, ...(await allPrefixes(dirs))]) {
    for (const file of await visibleFiles(dirs, prefix)) {
      if (!byFingerprint.has(file.fingerprint)) byFingerprint.set(file.fingerprint, await readKeyFile(file));
    }
  }
  return [...byFingerprint.values()];
}
