import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RktError } from '@rkt/common';
import type { ImportResult } from '@rkt/store';
import type { FetchContext } from '../context.js';
import { CODES } from '../errors.js';
import type { HttpContext } from '../http/get.js';
import { openGate } from '../verify/gate.js';
import { getSignature } from '../verify/get-signature.js';
import type { TrustedKeys } from '../verify/keys.js';
import { importInto, type ImportWanted } from './import.js';

/**
 * The server answered 202 Accepted for the signature: as rkt, download the image first (to a temp
 * file: the signature says which digest to compute, so nothing can be verified before it is in),
 * then ask for the signature once more, then import and verify from the file in one pass.
 */
export async function importDeferred(
  ctx: FetchContext,
  http: HttpContext,
  body: Readable,
  url: URL,
  wanted: ImportWanted & { sigUrl?: string; keys: TrustedKeys },
): Promise<ImportResult> {
  const dir = await mkdtemp(join(tmpdir(), 'rkt-fetch-'));
  try {
    const path = join(dir, 'image.aci');
    await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    const sigUrl = new URL(wanted.sigUrl ?? '');
    const signature = await getSignature(sigUrl, url.href, http);
    if (signature === 'deferred') {
      throw new RktError(
        CODES.signatureNotFound,
        `no signature found for ${url.href}: GET ${sigUrl.href}: the server deferred it again (202 Accepted)`,
      );
    }
    const gate = await openGate({ signature, keys: wanted.keys, source: url.href });
    return await importInto(ctx, createReadStream(path, { highWaterMark: 1 << 20 }), url.href, {
      ...wanted,
      gate,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
