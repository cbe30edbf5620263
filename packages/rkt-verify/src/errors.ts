import { RktError, type RktErrorOptions } from '@rkt/common';

/** Codes of SignatureError: a signature was checked and refused. Stable: scripts match on them. */
export type SignatureErrorCode =
  | 'NO_SIGNATURE'
  | 'SIGNATURE_UNTRUSTED_KEY'
  | 'SIGNATURE_KEY_OTHER_PREFIX'
  | 'SIGNATURE_DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'KEY_EXPIRED'
  | 'KEY_REVOKED'
  | 'KEY_UNUSABLE';

/** Codes of TrustError: the key store, a key given to `rkt trust`, or the trust command line. */
export type TrustErrorCode =
  | 'INVALID_PREFIX'
  | 'INVALID_IMAGE_NAME'
  | 'TRUST_NO_SCOPE'
  | 'TRUST_SCOPE_CONFLICT'
  | 'NOT_A_KEY'
  | 'NOT_A_PUBLIC_KEY'
  | 'KEY_LOCATION_UNSUPPORTED'
  | 'KEY_INSECURE_HTTP'
  | 'KEY_FETCH_FAILED'
  | 'KEY_READ_FAILED'
  | 'NO_TTY'
  | 'REVIEW_ABORTED'
  | 'DISCOVERY_UNSUPPORTED'
  | 'KEY_NOT_TRUSTED'
  | 'KEY_AMBIGUOUS'
  | 'KEYSTORE_BAD_KEY';

/** A signature was refused. Exit status 254 like every rkt failure. */
export class SignatureError extends RktError {
  declare readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string, options?: RktErrorOptions) {
    super(code, message, options);
    this.name = 'SignatureError';
  }
}

/** The signer is not in the keyring; carries what the signature says about it. */
export class UntrustedKeyError extends SignatureError {
  /** 16 lowercase hex digits. */
  readonly issuerKeyId: string;
  /** Lowercase hex, when the signature names it (gpg 2.1+ always does). */
  readonly issuerFingerprint: string | undefined;

  constructor(message: string, issuerKeyId: string, issuerFingerprint: string | undefined) {
    super('SIGNATURE_UNTRUSTED_KEY', message);
    this.issuerKeyId = issuerKeyId;
    this.issuerFingerprint = issuerFingerprint;
  }
}

export class TrustError extends RktError {
  declare readonly code: TrustErrorCode;

  constructor(code: TrustErrorCode, message: string, options?: RktErrorOptions) {
    super(code, message, options);
    this.name = 'TrustError';
  }
}

/** The message of anything thrown, on one line. */
export function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
}
