import type * as OpenPgp from 'openpgp';
import type { PublicKey } from 'openpgp';
import { messageOf, TrustError } from './errors.js';

let loading: Promise<typeof OpenPgp> | undefined;

/** openpgp, loaded on first use: fetching an image without a signature never pays for it. */
export function openpgp(): Promise<typeof OpenPgp> {
  loading ??= import('openpgp');
  return loading;
}

/** Whether bytes look like ASCII armor (`-----BEGIN PGP ...`), else they are read as binary packets. */
export function isArmored(data: Uint8Array): boolean {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 256)).toString('latin1');
  return head.trimStart().startsWith('-----BEGIN PGP');
}

/**
 * The public keys in armored or binary key data. `what` names the source in errors. A private key
 * is refused: only public material may ever enter the key store.
 */
export async function readPublicKeys(data: Uint8Array, what: string): Promise<PublicKey[]> {
  const pgp = await openpgp();
  let keys: OpenPgp.Key[];
  try {
    if (isArmored(data)) {
      const blocks = armorBlocks(Buffer.from(data).toString('utf8'));
      keys = (await Promise.all(blocks.map((armoredKeys) => pgp.readKeys({ armoredKeys })))).flat();
    } else {
      keys = await pgp.readKeys({ binaryKeys: data });
    }
  } catch (e) {
    throw new TrustError('NOT_A_KEY', `${what} is not an OpenPGP public key: ${messageOf(e)}`, { cause: e });
  }
  if (keys.length === 0) throw new TrustError('NOT_A_KEY', `${what} holds no OpenPGP key`);
  if (keys.some((k) => k.isPrivate())) {
    throw new TrustError(
      'NOT_A_PUBLIC_KEY',
      `${what} holds a private key; refusing to store secret material`,
      {
        hint: 'Export the public key instead: gpg --armor --export FINGERPRINT > key.asc',
      },
    );
  }
  return keys as PublicKey[];
}

/** Each armored block of a text (a file may hold several, one after the other). */
function armorBlocks(text: string): string[] {
  const blocks = text.match(/-----BEGIN PGP [^\n]*-----[\s\S]*?-----END PGP [^\n]*-----/g);
  return blocks ?? [text];
}

/** What a user needs to recognise a key. Fingerprints and key IDs in lowercase hex. */
export interface KeySummary {
  fingerprint: string;
  keyId: string;
  userIds: string[];
  subkeyFingerprints: string[];
  /** Key IDs of the primary key and every subkey: what a signature names as its issuer. */
  keyIds: string[];
}

export function summarizeKey(key: PublicKey): KeySummary {
  return {
    fingerprint: key.getFingerprint(),
    keyId: key.getKeyID().toHex(),
    userIds: key.getUserIDs(),
    subkeyFingerprints: key.subkeys.map((s) => s.getFingerprint()),
    keyIds: key.getKeyIDs().map((id) => id.toHex()),
  };
}
