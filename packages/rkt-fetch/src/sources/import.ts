import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ImageManifest } from '@rkt/appc';
import { RktError } from '@rkt/common';
import type { ImportResult } from '@rkt/store';
import type { FetchContext } from '../context.js';
import { FetchError } from '../errors.js';
import type { SignatureGate } from '../verify/gate.js';
import { VerifierTap } from '../verify/tap.js';

export interface ImportWanted {
  latest: boolean;
  /** a dependency's imageID: the store refuses other bytes */
  expectedId?: string;
  /** throws when the image is not the one asked for (discovery's name and label check) */
  check?: (manifest: ImageManifest) => void;
  /** the signature check the image must pass before the store records it */
  gate?: SignatureGate;
}

/**
 * Streams `input` into the store and, in the same pass, to the signature gate's verifier. The store
 * records nothing until the gate and `check` accepted the complete archive. The input must also end
 * cleanly (a transfer can fail after the archive's last byte: trailing garbage, a lost connection);
 * if not, an image this call added is removed again before the error is thrown.
 */
export async function importInto(
  ctx: FetchContext,
  input: Readable,
  source: string,
  wanted: ImportWanted,
): Promise<ImportResult> {
  let inputError: unknown;
  input.on('error', (err) => (inputError ??= err));
  const { gate, check } = wanted;
  const feed = gate?.sink === undefined ? input : tap(input, gate.sink);
  let result: ImportResult;
  let refused: unknown;
  try {
    result = await ctx.store.importImage(feed, {
      latest: wanted.latest,
      render: ctx.render,
      ...(wanted.expectedId === undefined ? {} : { expectedId: wanted.expectedId }),
      beforeCommit: async (manifest) => {
        try {
          await gate?.beforeCommit(manifest);
          check?.(manifest);
        } catch (err) {
          refused = err;
          throw err;
        }
      },
    });
  } catch (err) {
    input.destroy();
    gate?.abort();
    // A refusal already says which image it is about.
    if (err === refused) throw err;
    throw inputError instanceof FetchError ? inputError : withSource(err, source);
  }
  try {
    input.resume();
    // A store that stops reading early closes the input itself; only a failed transfer matters here.
    await finished(input).catch(() => undefined);
    if (inputError instanceof FetchError) throw inputError;
  } catch (err) {
    if (!result.existed) await ctx.store.removeImage(result.record.key);
    throw err;
  }
  return result;
}

function tap(input: Readable, sink: NonNullable<SignatureGate['sink']>): Readable {
  const through = new VerifierTap(sink);
  input.on('error', (err) => through.destroy(err));
  return input.pipe(through);
}

function withSource(err: unknown, source: string): unknown {
  if (!(err instanceof RktError) || err.message.includes(source)) return err;
  return new RktError(err.code, `${source}: ${err.message}`, {
    cause: err,
    exitCode: err.exitCode,
    ...(err.hint === undefined ? {} : { hint: err.hint }),
  });
}
