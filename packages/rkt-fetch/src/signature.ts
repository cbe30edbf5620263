import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RktError } from '@rkt/common';
import { signaturePathFor } from './classify.js';
import type { FetchContext } from './context.js';
import { CODES } from './errors.js';
import { osMessage } from './os-message.js';

const MAX_SIGNATURE_BYTES = 1 << 20;

/**
 * A file image's detached signature: --signature, else `<path>.asc` (`<path>.aci.asc` for other
 * names). A missing one fails in rkt's own words: `open /abs/busybox.aci.asc: no such file or directory`.
 */
export async function readFileSignature(
  ctx: FetchContext,
  path: string,
  signature?: string,
): Promise<Buffer> {
  const asc =
    signature === undefined ? signaturePathFor(path) : resolve(ctx.opts.cwd ?? process.cwd(), signature);
  const bytes = await readFile(asc).catch((err: unknown) => {
    throw new RktError(CODES.signatureNotFound, osMessage('open', asc, err), { cause: err });
  });
  if (bytes.length > MAX_SIGNATURE_BYTES) {
    throw new RktError(CODES.signatureNotFound, `read ${asc}: larger than ${MAX_SIGNATURE_BYTES} bytes`);
  }
  return bytes;
}
