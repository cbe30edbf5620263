import { RktError } from '@rkt/common';
import { formatFingerprint, SignatureError, type UntrustedKeyError } from '@rkt/rkt-verify';

const INSECURE_HINT = 'use --insecure-options=image to fetch without verifying signatures';

/**
 * A signature refused for `source`: a signature that is none says it cannot be verified (with the
 * way around it); the others keep their code and hint and say which image they are about. Messages
 * about an untrusted signer name the image already and pass unchanged, as does anything else.
 */
export function signatureError(e: unknown, source: string): unknown {
  if (!(e instanceof SignatureError)) return e;
  if (e.code === 'SIGNATURE_UNTRUSTED_KEY' || e.code === 'SIGNATURE_KEY_OTHER_PREFIX') return e;
  if (e.code === 'NO_SIGNATURE') {
    return new RktError(e.code, `cannot verify the signature of ${source}: ${e.message}`, {
      cause: e,
      hint: INSECURE_HINT,
    });
  }
  return new RktError(e.code, `${source}: ${e.message}`, {
    cause: e,
    ...(e.hint === undefined ? {} : { hint: e.hint }),
  });
}

/** A signer no key in the store knows, found before the image's name is (a URL): fail before downloading. */
export function unknownSigner(e: UntrustedKeyError, source: string): RktError {
  const who =
    e.issuerFingerprint === undefined
      ? `key ID ${e.issuerKeyId.toUpperCase()}`
      : `key ${formatFingerprint(e.issuerFingerprint)} (key ID ${e.issuerKeyId.toUpperCase()})`;
  return new RktError(e.code, `image ${source} is signed by ${who}, which is not trusted for any image`, {
    cause: e,
    hint: "If you trust the signer, add its public key and retry: rkt trust --prefix=<the image's name> <keyfile>",
  });
}
