import { PassThrough, type Readable } from 'node:stream';

/**
 * Read the first `n` bytes of a stream without losing them: returns those bytes (fewer if the stream
 * is shorter) and a stream that yields the whole input from its first byte.
 */
export function sniff(input: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = () => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      input.off('error', onError);
    };
    const finish = (ended: boolean) => {
      cleanup();
      const head = Buffer.concat(chunks);
      const out = new PassThrough();
      out.write(head);
      if (ended) out.end();
      else {
        input.on('error', (e) => out.destroy(e));
        input.pipe(out);
      }
      resolve({ head: head.subarray(0, n), stream: out });
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (length < n && (chunk = input.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= n) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    input.on('readable', onReadable);
    input.on('end', onEnd);
    input.on('error', onError);
  });
}
