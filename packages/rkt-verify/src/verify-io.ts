import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { RktError } from '@rkt/common';
import { messageOf } from './errors.js';

/** Largest detached signature read: real ones are a few hundred bytes. */
const MAX_SIGNATURE_BYTES = 1 << 20;
const CHUNK = 1 << 20;

/** The data to verify: stdin for `-`, else the file opened now so a missing one fails before any work. */
export async function openInput(file: string): Promise<Readable> {
  if (file === '-') return process.stdin;
  const fh = await open(file, 'r').catch((e: unknown) => {
    throw new RktError('INPUT_UNREADABLE', `cannot open ${JSON.stringify(file)}: ${messageOf(e)}`, {
      cause: e,
    });
  });
  return fh.createReadStream({ highWaterMark: CHUNK });
}

export async function readSignatureFile(path: string): Promise<Buffer> {
  try {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      if (size > MAX_SIGNATURE_BYTES) throw new Error(`larger than ${MAX_SIGNATURE_BYTES} bytes`);
      return await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new RktError(
      'SIGNATURE_UNREADABLE',
      `cannot read signature ${JSON.stringify(path)}: ${messageOf(e)}`,
      {
        cause: e,
      },
    );
  }
}
