import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { imageIdFromDigest } from '@rkt/appc';
import { decompress, Sha512Meter } from '@rkt/appc/aci';
import { fsyncDir, RktError } from '@rkt/common';
import type { Store } from '@rkt/store';
import { failure, isSystemError } from './errors.js';
import { resolveImage } from './resolve.js';

export interface ExportOptions {
  /** replace an existing file; without it an existing file is refused, as with O_EXCL */
  overwrite: boolean;
}

export interface ExportResult {
  key: string;
  /** bytes written: the uncompressed ACI tar */
  bytes: number;
}

const outputExists = () => new RktError('OUTPUT_EXISTS', 'output ACI file exists (try --overwrite)');

/**
 * `rkt image export`: write the image as an uncompressed ACI tar (whatever compression the store
 * keeps), checked against its image ID. The file appears whole or not at all: it is written next to
 * `output` and then renamed over it (--overwrite) or hard-linked to it, which fails if it exists.
 */
export async function exportImage(
  store: Pick<Store, 'resolveImageArg' | 'openBlob'>,
  image: string,
  output: string,
  opts: ExportOptions,
): Promise<ExportResult> {
  const record = await resolveImage(store, image);
  if (!opts.overwrite && (await exists(output))) throw outputExists();
  const tmp = join(
    dirname(output),
    `.${basename(output)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const meter = new Sha512Meter();
  const fh = await open(tmp, 'wx', 0o644).catch((err: unknown) => {
    throw failure('EXPORT_WRITE', `unable to open output ACI file ${output}`, err);
  });
  try {
    try {
      const { stream, compression } = await store.openBlob(record.key);
      const toFile = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) await fh.write(chunk);
      };
      await pipeline(decompress(stream, compression), meter, toFile).catch((err: unknown) => {
        throw failure('EXPORT_WRITE', 'error writing to output ACI file', err);
      });
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (imageIdFromDigest(meter.digest()) !== record.id) {
      throw new RktError(
        'IMAGE_CORRUPT',
        `image ${record.key} is corrupt in the store: its content does not match its ID`,
      );
    }
    await publish(tmp, output, opts.overwrite);
    await fsyncDir(dirname(output));
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return { key: record.key, bytes: meter.bytes };
}

async function publish(tmp: string, output: string, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) await rename(tmp, output);
    else await link(tmp, output);
  } catch (err) {
    if (isSystemError(err) && err.code === 'EEXIST') throw outputExists();
    throw failure('EXPORT_WRITE', `unable to write output ACI file ${output}`, err);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (err) {
    if (isSystemError(err) && err.code === 'ENOENT') return false;
    throw failure('EXPORT_WRITE', `unable to open output ACI file ${path}`, err);
  }
}
