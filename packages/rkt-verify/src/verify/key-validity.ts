import type { KeyID, PublicKey } from 'openpgp';
import { messageOf, SignatureError } from '../errors.js';
import { formatFingerprint } from '../fingerprint.js';

/**
 * Refuses a key that cannot sign at `now`: revoked or expired (primary key or the signing subkey),
 * or without a valid signing key of that ID. openpgp itself checks validity only at the time the
 * signature was made; a key revoked or expired since must not verify new fetches either.
 */
export async function checkKeyUsable(key: PublicKey, signingKeyId: KeyID, now: Date): Promise<void> {
  const name = `key ${formatFingerprint(key.getFingerprint())}`;
  if (await key.isRevoked(undefined, undefined, now)) {
    throw new SignatureError('KEY_REVOKED', `${name} has been revoked`);
  }
  const expires = await key.getExpirationTime().catch(() => null);
  if (expires instanceof Date && expires.getTime() <= now.getTime()) {
    throw new SignatureError('KEY_EXPIRED', `${name} expired on ${expires.toISOString()}`);
  }
  const subkey = key.getSubkeys(signingKeyId)[0];
  if (subkey !== undefined) {
    const subName = `signing subkey ${formatFingerprint(subkey.getFingerprint())} of ${name}`;
    try {
      await subkey.verify(now);
    } catch (e) {
      throw classify(e, subName);
    }
  }
  try {
    await key.getSigningKey(signingKeyId, now);
  } catch (e) {
    throw classify(e, name);
  }
}

/** Maps openpgp's key-validity messages to our codes. */
export function classify(e: unknown, name: string): SignatureError {
  const text = messageOf(e);
  if (/revoked/i.test(text))
    return new SignatureError('KEY_REVOKED', `${name} has been revoked`, { cause: e });
  if (/expired/i.test(text)) return new SignatureError('KEY_EXPIRED', `${name} has expired`, { cause: e });
  return new SignatureError('KEY_UNUSABLE', `${name} cannot be used to verify signatures: ${text}`, {
    cause: e,
  });
}

/** Why `key` could verify no signature at `now` (revoked, expired, no signing key), if it could not. */
export async function keyProblem(key: PublicKey, now: Date): Promise<string | undefined> {
  try {
    await checkKeyUsable(key, key.getKeyID(), now);
    return undefined;
  } catch (e) {
    if (e instanceof SignatureError && e.code !== 'KEY_UNUSABLE') return e.message;
  }
  try {
    await key.getSigningKey(undefined, now);
    return undefined;
  } catch (e) {
    return classify(e, `key ${formatFingerprint(key.getFingerprint())}`).message;
  }
}
