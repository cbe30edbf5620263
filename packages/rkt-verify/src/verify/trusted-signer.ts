import { UntrustedKeyError } from '../errors.js';
import type { Keyring } from '../keystore/keyring.js';
import { checkKeyUsable } from './key-validity.js';
import { explainUntrusted, type ImageSignerInfo } from './verify-image.js';
import { signerInfo, type SignerCheck, type VerifyOptions } from './verify-signature.js';

/**
 * For a signature checked against the keys of every scope, before the image's name was known:
 * whether its signer is trusted for the image of `keyring`. Throws the explained
 * SIGNATURE_UNTRUSTED_KEY / SIGNATURE_KEY_OTHER_PREFIX when not. The key is checked again as this
 * keyring holds it, since the copy that applies to the image may carry a revocation another lacks.
 */
export async function trustedSigner(
  keyring: Keyring,
  check: SignerCheck,
  options: VerifyOptions = {},
): Promise<ImageSignerInfo> {
  const info = signerInfo(check);
  const entry = keyring.keys.find((k) => k.fingerprint === info.fingerprint);
  if (entry === undefined) {
    const issuer = new UntrustedKeyError(`signed by an untrusted key`, info.keyId, info.fingerprint);
    throw await explainUntrusted(issuer, keyring);
  }
  await checkKeyUsable(entry.key, check.packet.issuerKeyID, options.now ?? new Date());
  return {
    ...info,
    imageName: keyring.imageName,
    trust: { prefix: entry.prefix, source: entry.source },
  };
}
