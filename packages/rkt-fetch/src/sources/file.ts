import { open } from 'node:fs/promises';
import { RktError } from '@rkt/common';
import type { Fetched, FetchContext } from '../context.js';
import { CODES } from '../errors.js';
import { osMessage } from '../os-message.js';
import { requireFileSignature } from '../signature.js';
import { importInto } from './import.js';

/** A local ACI: always read and imported again (rkt.md §4.6), never recorded as `latest`. */
export async function fetchFromFile(ctx: FetchContext, path: string, signature?: string): Promise<Fetched> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw new RktError(CODES.fileRead, osMessage('open', path, err), { cause: err });
  });
  try {
    if (!(await handle.stat()).isFile())
      throw new RktError(CODES.fileRead, `read ${path}: not a regular file`);
    await requireFileSignature(ctx, path, signature);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const { record, manifest } = await importInto(ctx, handle.createReadStream(), path, { latest: false });
  return { record, manifest };
}
