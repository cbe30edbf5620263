import { Readable } from 'node:stream';
import type { PublicKey, Signature, SignaturePacket } from 'openpgp';
import { messageOf, SignatureError, UntrustedKeyError } from '../errors.js';
import { formatFingerprint, toHex } from '../fingerprint.js';
import { openpgp } from '../pgp.js';
import { checkKeyUsable, classify } from './key-validity.js';
import { readDetachedSignature } from './signature.js';

/** Who made a good signature. Hex is lowercase. */
export interface SignerInfo {
  /** Fingerprint of the signer's primary key (the key file's name in the store). */
  fingerprint: string;
  /** Key ID of the key that signed: the primary key or a signing subkey. */
  keyId: string;
  /** Fingerprint of the key that signed; differs from `fingerprint` when a subkey signed. */
  signingKeyFingerprint: string;
  userIds: string[];
  /** When the signature says it was made. */
  created: Date | undefined;
}

export interface VerifyOptions {
  /** The time keys must be valid at. Default: now. */
  now?: Date;
}

/** A signature whose signer was found among the keys and is usable now; the data is still to be read. */
export interface SignerCheck {
  signature: Signature;
  packet: SignaturePacket;
  /** the signer's primary key, as given in `keys` */
  key: PublicKey;
}

/**
 * Checks `input` against a detached signature (armored or binary) made by one of `keys`, in one
 * streaming pass with bounded memory. The signer is found and its key checked (revoked, expired)
 * before any data is read, so an untrusted signer fails fast. Throws SignatureError; `input` is
 * read to its end only when the signer is known, and is not destroyed on failure (the caller owns it).
 */
export async function verifySignature(
  input: Readable,
  signature: string | Uint8Array,
  keys: readonly PublicKey[],
  options: VerifyOptions = {},
): Promise<SignerInfo> {
  return verifyData(await checkSigner(signature, keys, options), input);
}

/**
 * The first half of verifySignature, before any data: parses the signature, finds its signer among
 * `keys` (UntrustedKeyError if none) and refuses a key revoked or expired at `options.now`.
 */
export async function checkSigner(
  signature: string | Uint8Array,
  keys: readonly PublicKey[],
  options: VerifyOptions = {},
): Promise<SignerCheck> {
  const sig = await readDetachedSignature(signature);
  const { packet, key } = findSigner(sig, keys);
  await checkKeyUsable(key, packet.issuerKeyID, options.now ?? new Date());
  return { signature: sig, packet, key };
}

/** The second half: reads `input` to its end and checks it against the signature. */
export async function verifyData(check: SignerCheck, input: Readable): Promise<SignerInfo> {
  const { signature, packet, key } = check;
  const pgp = await openpgp();
  const message = await pgp.createMessage({ binary: Readable.toWeb(input) as ReadableStream<Uint8Array> });
  const result = await pgp.verify({ message, signature, verificationKeys: [key], format: 'binary' });
  for (const s of result.signatures) s.verified.catch(() => undefined);
  // openpgp computes the digest as `data` is read: it must be drained before `verified` settles.
  const reader = result.data.getReader();
  while (!(await reader.read()).done);
  const mine = result.signatures.find((s) => s.keyID.equals(packet.issuerKeyID));
  try {
    if (mine === undefined)
      throw new Error(`no signature by key ID ${packet.issuerKeyID.toHex()} was checked`);
    await mine.verified;
  } catch (e) {
    throw verificationError(e, key);
  }
  return signerInfo(check);
}

export function signerInfo({ packet, key }: SignerCheck): SignerInfo {
  const signingKey = key.getKeys(packet.issuerKeyID)[0] ?? key;
  return {
    fingerprint: key.getFingerprint(),
    keyId: packet.issuerKeyID.toHex(),
    signingKeyFingerprint: signingKey.getFingerprint(),
    userIds: key.getUserIDs(),
    created: packet.created ?? undefined,
  };
}

/** The first signature packet whose issuer is one of `keys`, else UntrustedKeyError for the first. */
function findSigner(sig: Signature, keys: readonly PublicKey[]): { packet: SignaturePacket; key: PublicKey } {
  for (const packet of sig.packets) {
    const fpr = packet.issuerFingerprint ? toHex(packet.issuerFingerprint) : undefined;
    for (const key of keys) {
      // Key IDs are 64 bits: when the signature names the full fingerprint, insist on it.
      const hit = key
        .getKeys(packet.issuerKeyID)
        .find((k) => fpr === undefined || k.getFingerprint() === fpr);
      if (hit !== undefined) return { packet, key };
    }
  }
  const first = sig.packets[0] as SignaturePacket;
  const fpr = first.issuerFingerprint ? toHex(first.issuerFingerprint) : undefined;
  const id = first.issuerKeyID.toHex();
  const who = fpr === undefined ? `key ID ${id.toUpperCase()}` : `key ${formatFingerprint(fpr)}`;
  throw new UntrustedKeyError(`signed by ${who}, which is not trusted`, id, fpr);
}

function verificationError(e: unknown, key: PublicKey): SignatureError {
  const text = messageOf(e);
  if (/signed digest did not match/i.test(text)) {
    return new SignatureError(
      'SIGNATURE_DIGEST_MISMATCH',
      'the data does not match its signature (signed digest did not match): it was modified, or the signature is for other data',
      { cause: e },
    );
  }
  if (/revoked|expired/i.test(text)) return classify(e, `key ${formatFingerprint(key.getFingerprint())}`);
  return new SignatureError('SIGNATURE_INVALID', `the signature is invalid or damaged: ${text}`, {
    cause: e,
  });
}
