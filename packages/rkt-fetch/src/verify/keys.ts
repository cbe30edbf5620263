import { RktError } from '@rkt/common';
import {
  allTrustedKeys,
  loadKeyring,
  type Keyring,
  type KeystoreDirs,
  type TrustedKey,
} from '@rkt/rkt-verify';
import type { FetchContext } from '../context.js';
import { CODES } from '../errors.js';
import { keystoreOf } from './locations.js';

/** The keys a signature is checked against, before the image bytes are read. */
export interface TrustedKeys {
  dirs: KeystoreDirs;
  /** the keyring of the image's name, when the name is known first (discovery) */
  keyring: Keyring | undefined;
  /** the keyring's keys, else every key trusted for any image (the name comes with the manifest) */
  keys: TrustedKey['key'][];
}

export async function trustedKeys(ctx: FetchContext, name: string | undefined): Promise<TrustedKeys> {
  const dirs = keystoreOf(ctx.opts);
  if (name === undefined) return { dirs, keyring: undefined, keys: await allTrustedKeys(dirs) };
  const keyring = await loadKeyring(dirs, name);
  return { dirs, keyring, keys: keyring.keys.map((k) => k.key) };
}

/** A download whose signature no key could verify is not started: no request at all. */
export function requireSomeKey(keys: TrustedKeys, source: string): void {
  if (keys.keys.length > 0) return;
  throw new RktError(
    CODES.signatureUnverifiable,
    `cannot verify the signature of ${source}: no key is trusted for any image`,
    {
      hint:
        "Trust the signer's key for the image's name: rkt trust --prefix=NAME KEY\n" +
        'or use --insecure-options=image to fetch without verifying signatures',
    },
  );
}
