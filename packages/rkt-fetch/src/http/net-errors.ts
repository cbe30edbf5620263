import { CODES, FetchError } from '../errors.js';

// Certificate and TLS handshake failures will not go away by asking again.
const PERMANENT =
  /^(EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_|ERR_INVALID_URL|ENOTFOUND)/;

/** A socket-level failure of `GET url` as a FetchError; most are transient. */
export function networkError(url: URL, err: unknown): FetchError {
  if (err instanceof FetchError) return err;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? shorten(err.message) : String(err);
  const transient = typeof code !== 'string' || !PERMANENT.test(code);
  return new FetchError(CODES.network, `GET ${url.href}: ${message}`, { transient, cause: err });
}

export function isParseError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('HPE_');
}

/** OpenSSL's messages carry file names and codes; keep its reason (`wrong version number`). */
function shorten(message: string): string {
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1];
  return reason === undefined ? message : `TLS handshake failed: ${reason}`;
}
