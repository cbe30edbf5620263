import type { Readable } from 'node:stream';
import { SignatureError, UntrustedKeyError } from '../errors.js';
import { formatFingerprint } from '../fingerprint.js';
import type { KeySource } from '../keystore/dirs.js';
import type { Keyring } from '../keystore/keyring.js';
import { listTrustedKeys } from '../keystore/list.js';
import { verifySignature, type SignerInfo, type VerifyOptions } from './verify-signature.js';

export interface ImageSignerInfo extends SignerInfo {
  imageName: string;
  /** The trust entry that accepted the key: its prefix (undefined = root key) and source. */
  trust: { prefix: string | undefined; source: KeySource };
}

/**
 * Verifies an image stream against its detached signature with the keyring of `imageName` (from
 * loadKeyring). On an untrusted signer, the whole store is searched so the error can say whether
 * the key is trusted for other prefixes (SIGNATURE_KEY_OTHER_PREFIX) or not at all
 * (SIGNATURE_UNTRUSTED_KEY), each with the `rkt trust` command that would fix it.
 */
export async function verifyImage(
  stream: Readable,
  signature: string | Uint8Array,
  keyring: Keyring,
  imageName: string = keyring.imageName,
  options: VerifyOptions = {},
): Promise<ImageSignerInfo> {
  if (imageName !== keyring.imageName) {
    throw new Error(`verifyImage: keyring is for "${keyring.imageName}", not "${imageName}"`);
  }
  try {
    const signer = await verifySignature(
      stream,
      signature,
      keyring.keys.map((k) => k.key),
      options,
    );
    const entry = keyring.keys.find((k) => k.fingerprint === signer.fingerprint);
    return { ...signer, imageName, trust: { prefix: entry?.prefix, source: entry?.source ?? 'local' } };
  } catch (e) {
    if (e instanceof UntrustedKeyError) throw await explainUntrusted(e, keyring);
    throw e;
  }
}

/**
 * An untrusted signer, explained for `keyring`'s image: trusted only for other prefixes
 * (SIGNATURE_KEY_OTHER_PREFIX) or not at all (SIGNATURE_UNTRUSTED_KEY), with the `rkt trust` fix.
 */
export async function explainUntrusted(e: UntrustedKeyError, keyring: Keyring): Promise<SignatureError> {
  const name = keyring.imageName;
  const fix = `rkt trust --prefix=${name} <keyfile>`;
  const who =
    e.issuerFingerprint === undefined
      ? `key ID ${e.issuerKeyId.toUpperCase()}`
      : `key ${formatFingerprint(e.issuerFingerprint)} (key ID ${e.issuerKeyId.toUpperCase()})`;
  const all = await listTrustedKeys(keyring.dirs).catch(() => []);
  const elsewhere = all.filter((k) => k.keyIds.includes(e.issuerKeyId));
  const prefixes = [...new Set(elsewhere.map((k) => k.prefix).filter((p) => p !== undefined))];
  if (prefixes.length > 0) {
    const [owner] = elsewhere;
    const signer = owner === undefined ? who : `key ${formatFingerprint(owner.fingerprint)}`;
    const uid = owner?.userIds[0];
    return new SignatureError(
      'SIGNATURE_KEY_OTHER_PREFIX',
      `image "${name}" is signed by ${signer}${uid ? ` (${uid})` : ''}, which is trusted only for ` +
        `${prefixes.length > 1 ? 'prefixes' : 'prefix'} ${prefixes.map((p) => `"${p}"`).join(', ')}`,
      { hint: `To trust it for "${name}" too, run: ${fix}`, cause: e },
    );
  }
  return new SignatureError(
    'SIGNATURE_UNTRUSTED_KEY',
    `image "${name}" is signed by ${who}, which is not trusted for "${name}"`,
    { hint: `If you trust the signer, add its public key and retry: ${fix}`, cause: e },
  );
}
