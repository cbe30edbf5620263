import { RktError } from '@rkt/common';
import { CODES, FetchError } from '../errors.js';
import { httpGet, type HttpContext } from '../http/get.js';
import { withRetries } from '../http/retry.js';

/** Real detached signatures are a few hundred bytes; this bounds what a server can make us hold. */
const MAX_SIGNATURE_BYTES = 1 << 20;

/**
 * The detached signature at `url`, or `deferred` when the server answers 202 Accepted: rkt then
 * downloads the image first and asks again. A 4xx means there is no signature (SIGNATURE_NOT_FOUND).
 */
export async function getSignature(url: URL, image: string, http: HttpContext): Promise<Buffer | 'deferred'> {
  return withRetries(() => getOnce(url, image, http), http.settings, http.debug);
}

async function getOnce(url: URL, image: string, http: HttpContext): Promise<Buffer | 'deferred'> {
  let res;
  try {
    res = await httpGet(url, http);
  } catch (e) {
    if (e instanceof FetchError && e.code === CODES.httpStatus && !e.transient) throw notFound(image, e);
    throw e;
  }
  if (res.status === 202) {
    res.body.destroy();
    return 'deferred';
  }
  if (res.status !== 200) {
    res.body.destroy();
    throw notFound(image, new Error(`GET ${url.href}: unexpected ${res.status} ${res.statusText}`.trimEnd()));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_SIGNATURE_BYTES) {
      res.body.destroy();
      throw new RktError(
        CODES.signatureNotFound,
        `GET ${url.href}: signature larger than ${MAX_SIGNATURE_BYTES} bytes`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function notFound(image: string, cause: Error): RktError {
  return new RktError(CODES.signatureNotFound, `no signature found for ${image}: ${cause.message}`, {
    cause,
    hint: 'use --insecure-options=image to fetch without verifying signatures',
  });
}
