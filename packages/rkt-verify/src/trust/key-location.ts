import { readFile } from 'node:fs/promises';
import { messageOf, TrustError } from '../errors.js';
import { getBytes, InsecureRedirectError } from './http-get.js';

/** Largest key file accepted from a URL: keys are a few KiB; this bounds what a server can make us hold. */
export const MAX_KEY_BYTES = 1 << 20;
const TIMEOUT_MS = 120_000;

export interface KeyLocationOptions {
  insecureAllowHttp: boolean;
  skipTlsVerify: boolean;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** The bytes at a key location: a local path, an https URL, or an http URL with insecureAllowHttp. */
export async function readKeyLocation(location: string, options: KeyLocationOptions): Promise<Uint8Array> {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return readFile(location).catch((e: unknown) => {
      throw new TrustError('KEY_READ_FAILED', `cannot read key file "${location}": ${messageOf(e)}`, {
        cause: e,
      });
    });
  }
  if (scheme !== 'http' && scheme !== 'https') {
    throw new TrustError(
      'KEY_LOCATION_UNSUPPORTED',
      `cannot get key "${location}": only local files and http or https URLs are supported`,
    );
  }
  if (scheme === 'http' && !options.insecureAllowHttp) {
    throw new TrustError('KEY_INSECURE_HTTP', `refusing to get key "${location}" over plain http`, {
      hint: 'Use an https URL, or pass --insecure-allow-http.',
    });
  }
  try {
    return await getBytes(location, {
      allowHttp: options.insecureAllowHttp,
      skipTlsVerify: options.skipTlsVerify,
      maxBytes: MAX_KEY_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
  } catch (e) {
    if (e instanceof InsecureRedirectError) {
      throw new TrustError('KEY_INSECURE_HTTP', `refusing key "${location}": ${e.message}`);
    }
    throw new TrustError('KEY_FETCH_FAILED', `cannot get key "${location}": ${messageOf(e)}`, { cause: e });
  }
}
