import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RktError } from '@rkt/common';
import { signaturePathFor } from './classify.js';
import type { FetchContext } from './context.js';
import { CODES } from './errors.js';
import { osMessage } from './os-message.js';

const HINT = 'use --insecure-options=image to fetch without verifying signatures';

/**
 * Until signature verification lands, anything not already in the store needs
 * --insecure-options=image; `what` names the image in the error.
 */
export function requireUnsignedAllowed(ctx: FetchContext, what: string): void {
  if (ctx.opts.insecure.has('image')) return;
  throw new RktError(
    CODES.signatureUnverifiable,
    `cannot verify the signature of ${what}: not supported yet`,
    {
      hint: HINT,
    },
  );
}

/** For a file, rkt first looks for its signature (--signature, else `<path>.asc`) and says so when it
 *  is missing, in exactly its words: `open /abs/busybox.aci.asc: no such file or directory`. */
export async function requireFileSignature(
  ctx: FetchContext,
  path: string,
  signature?: string,
): Promise<void> {
  if (ctx.opts.insecure.has('image')) return;
  const asc =
    signature === undefined ? signaturePathFor(path) : resolve(ctx.opts.cwd ?? process.cwd(), signature);
  await access(asc).catch((err: unknown) => {
    throw new RktError(CODES.signatureNotFound, osMessage('open', asc, err), { cause: err });
  });
  requireUnsignedAllowed(ctx, path);
}
