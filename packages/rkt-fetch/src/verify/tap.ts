import { Transform, type TransformCallback, type Writable } from 'node:stream';

/**
 * Passes the image bytes through to the store unchanged while writing each chunk to `side` (the
 * signature verifier): one pass over the bytes for both. The next chunk is taken only once `side`
 * accepted this one, so the slower of the two sets the pace and nothing piles up in memory. A `side`
 * that is destroyed (its verification gave up) is simply no longer fed.
 */
export class VerifierTap extends Transform {
  constructor(private readonly side: Writable) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const { side } = this;
    if (side.destroyed || side.write(chunk)) {
      done(null, chunk);
      return;
    }
    const go = () => {
      side.off('drain', go);
      side.off('close', go);
      done(null, chunk);
    };
    side.on('drain', go);
    side.on('close', go);
  }

  override _flush(done: TransformCallback): void {
    if (!this.side.destroyed) this.side.end();
    done();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    if (err !== null || !this.writableFinished) this.side.destroy();
    done(err);
  }
}
