import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ImageManifest } from '@rkt/appc';
import { RktError } from '@rkt/common';
import type { ImportResult } from '@rkt/store';
import type { FetchContext } from '../context.js';
import { FetchError } from '../errors.js';

export interface ImportWanted {
  latest: boolean;
  /** a dependency's imageID: the store refuses other bytes */
  expectedId?: string;
  /** throws when the image is not the one asked for (discovery's name and label check) */
  check?: (manifest: ImageManifest) => void;
}

/**
 * Streams `input` into the store. The input must also end cleanly (a transfer can fail after the
 * archive's last byte: trailing garbage, a lost connection), and the image must pass `check`; if
 * not, an image this call added is removed again before the error is thrown.
 */
export async function importInto(
  ctx: FetchContext,
  input: Readable,
  source: string,
  wanted: ImportWanted,
): Promise<ImportResult> {
  let inputError: unknown;
  input.on('error', (err) => (inputError ??= err));
  let result: ImportResult;
  try {
    result = await ctx.store.importImage(input, {
      latest: wanted.latest,
      render: ctx.render,
      ...(wanted.expectedId === undefined ? {} : { expectedId: wanted.expectedId }),
    });
  } catch (err) {
    input.destroy();
    throw inputError instanceof FetchError ? inputError : withSource(err, source);
  }
  try {
    input.resume();
    // A store that stops reading early closes the input itself; only a failed transfer matters here.
    await finished(input).catch(() => undefined);
    if (inputError instanceof FetchError) throw inputError;
    wanted.check?.(result.manifest);
  } catch (err) {
    if (!result.existed) await ctx.store.removeImage(result.record.key);
    throw err;
  }
  return result;
}

function withSource(err: unknown, source: string): unknown {
  if (!(err instanceof RktError) || err.message.includes(source)) return err;
  return new RktError(err.code, `${source}: ${err.message}`, {
    cause: err,
    exitCode: err.exitCode,
    ...(err.hint === undefined ? {} : { hint: err.hint }),
  });
}
