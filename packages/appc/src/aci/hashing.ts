import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Buffering between pipeline stages: large enough that many small tar members travel in one write. */
export const PIPE_BUFFER = 4 << 20;

/** Passes bytes through unchanged while computing their SHA-512 and counting them. */
export class Sha512Meter extends Transform {
  private readonly hash = createHash('sha512');
  bytes = 0;

  constructor() {
    super({ highWaterMark: PIPE_BUFFER });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** Hex digest; call once, after the stream has ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
