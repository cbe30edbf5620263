import { write } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Passes the bytes it is given through unchanged while writing them to a file descriptor: the
 * importer keeps the archive exactly as fetched while the reader decompresses it. Each chunk is
 * handed downstream at once and the next is taken only after it is on disk, so at most one write is
 * in flight and a slow disk slows the input (backpressure) instead of buffering it.
 */
export class FileTee extends Transform {
  bytes = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fd: number,
    private readonly onBytes?: (n: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.onBytes?.(chunk.length);
    this.push(chunk);
    this.writing = writeAll(this.fd, chunk);
    this.writing.then(() => done(), done);
  }

  /**
   * Write what the reader left unread (a decompressor stops at the end of its data; what follows is
   * still part of the archive as fetched) and resolve once the whole input is in the file.
   */
  drainRest(): Promise<void> {
    this.unpipe();
    this.resume();
    return finished(this);
  }

  /** Resolves once no write is in flight, so the descriptor may be closed. */
  idle(): Promise<void> {
    return this.writing.catch(() => undefined);
  }
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (off: number) =>
      write(fd, buf, off, buf.length - off, null, (err, n) => {
        if (err) reject(err);
        else if (off + n < buf.length) step(off + n);
        else resolve();
      });
    step(0);
  });
}
