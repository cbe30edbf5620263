import { httpsGetInsecure } from './insecure-get.js';

export interface GetOptions {
  /** plain http allowed, also as a redirect target */
  allowHttp: boolean;
  skipTlsVerify: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** The body of a 200 answer to a GET of an http(s) URL, at most `maxBytes`; else an Error saying why. */
export async function getBytes(url: string, options: GetOptions): Promise<Uint8Array> {
  const { maxBytes, timeoutMs } = options;
  if (/^https:/i.test(url) && options.skipTlsVerify) return httpsGetInsecure(url, maxBytes, timeoutMs);
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!options.allowHttp && new URL(res.url).protocol !== 'https:') {
    await res.body?.cancel();
    throw new InsecureRedirectError(res.url);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`HTTP status ${res.status}`);
  }
  return readCapped(res.body, maxBytes);
}

export class InsecureRedirectError extends Error {
  constructor(readonly target: string) {
    super(`redirected to plain http (${target})`);
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body === null) return new Uint8Array();
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
