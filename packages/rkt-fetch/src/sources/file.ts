import { open } from 'node:fs/promises';
import { RktError } from '@rkt/common';
import type { Fetched, FetchContext } from '../context.js';
import { CODES } from '../errors.js';
import { osMessage } from '../os-message.js';
import { readFileSignature } from '../signature.js';
import type { SignatureGate } from '../verify/gate.js';
import { importInto } from './import.js';

/**
 * A local ACI: always read and imported again (rkt.md §4.6), never recorded as `latest`. Unless
 * --insecure-options=image, its signature is verified in the same pass as the import, against every
 * trusted key; the signer must then be trusted for the manifest's name before the store records it.
 */
export async function fetchFromFile(ctx: FetchContext, path: string, signature?: string): Promise<Fetched> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw new RktError(CODES.fileRead, osMessage('open', path, err), { cause: err });
  });
  let gate: SignatureGate | undefined;
  try {
    if (!(await handle.stat()).isFile())
      throw new RktError(CODES.fileRead, `read ${path}: not a regular file`);
    gate = ctx.opts.insecure.has('image') ? undefined : await fileGate(ctx, path, signature);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const input = handle.createReadStream({ highWaterMark: 1 << 20 });
  const { record, manifest } = await importInto(ctx, input, path, {
    latest: false,
    ...(gate === undefined ? {} : { gate }),
  });
  return { record, manifest };
}

async function fileGate(ctx: FetchContext, path: string, signature?: string): Promise<SignatureGate> {
  const bytes = await readFileSignature(ctx, path, signature);
  const [{ openGate }, { trustedKeys }] = await Promise.all([
    import('../verify/gate.js'),
    import('../verify/keys.js'),
  ]);
  const keys = await trustedKeys(ctx, undefined);
  return openGate({ signature: bytes, keys, source: path, explainLater: true });
}
