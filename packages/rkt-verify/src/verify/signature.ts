import type { Signature } from 'openpgp';
import { messageOf, SignatureError } from '../errors.js';
import { isArmored, openpgp } from '../pgp.js';

/**
 * Parses a detached signature: ASCII armor, or binary packets as rkt's fallback. Anything without
 * a signature packet is NO_SIGNATURE.
 */
export async function readDetachedSignature(signature: string | Uint8Array): Promise<Signature> {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'utf8') : signature;
  if (Buffer.from(bytes).toString('latin1').trim() === '') {
    throw new SignatureError('NO_SIGNATURE', 'the signature is empty');
  }
  const pgp = await openpgp();
  let parsed: Signature;
  try {
    parsed = isArmored(bytes)
      ? await pgp.readSignature({ armoredSignature: Buffer.from(bytes).toString('utf8') })
      : await pgp.readSignature({ binarySignature: bytes });
  } catch (e) {
    throw new SignatureError('NO_SIGNATURE', `not an OpenPGP signature: ${messageOf(e)}`, { cause: e });
  }
  if (parsed.packets.length === 0) {
    throw new SignatureError('NO_SIGNATURE', 'not an OpenPGP signature: no signature packet found');
  }
  return parsed;
}
