import type { ClientRequest, IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { CODES, FetchError } from '../errors.js';
import { isParseError, networkError } from './net-errors.js';
import type { Watchdog } from './watchdog.js';

/**
 * The response body as a stream that errors unless the server delivered exactly what it promised:
 * a body cut short (connection lost, Content-Length not reached, chunked body without its end),
 * bytes beyond Content-Length, or a stall (via `watchdog`). The stream ends only once the connection
 * is closed, so trailing bytes are seen before a consumer calls the body complete.
 */
export function checkedBody(
  req: ClientRequest,
  res: IncomingMessage,
  url: URL,
  watchdog: Watchdog,
  onBytes?: (n: number) => void,
): Readable {
  const announced = contentLength(res);
  let received = 0;
  let outcome: Error | null | undefined;
  let settle = (err: Error | null) => void err;
  const settled = new Promise<Error | null>((resolve) => {
    settle = (err) => {
      if (outcome !== undefined) return;
      outcome = err;
      watchdog.stop();
      resolve(err);
    };
  });
  const body = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      watchdog.kick();
      onBytes?.(chunk.length);
      done(null, chunk);
    },
    flush(done) {
      void settled.then((err) => done(err ?? lengthError()));
    },
  });
  const fail = (err: Error) => {
    settle(err);
    body.destroy(err);
  };
  const lengthError = () =>
    announced === undefined || received === announced
      ? null
      : new FetchError(
          CODES.lengthMismatch,
          `GET ${url.href}: got ${received} bytes, Content-Length said ${announced}`,
        );
  res.on('error', () => fail(truncated(url, received, announced)));
  res.on('aborted', () => fail(truncated(url, received, announced)));
  req.on('error', (err) => fail(isParseError(err) ? tooLong(url, announced) : networkError(url, err)));
  req.socket?.on('data', () => {
    if (res.complete && res.readableEnded) fail(tooLong(url, announced));
  });
  req.socket?.on('close', () => settle(res.complete ? null : truncated(url, received, announced)));
  body.on('close', () => {
    if (!body.writableFinished) req.destroy();
  });
  res.pipe(body);
  watchdog.kick();
  return body;
}

function contentLength(res: IncomingMessage): number | undefined {
  const text = res.headers['content-length'];
  if (text === undefined || res.headers['transfer-encoding'] !== undefined) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function truncated(url: URL, received: number, announced: number | undefined): FetchError {
  const of = announced === undefined ? '' : ` of ${announced}`;
  return new FetchError(CODES.truncated, `GET ${url.href}: connection closed after ${received}${of} bytes`, {
    transient: true,
  });
}

function tooLong(url: URL, announced: number | undefined): FetchError {
  const what = announced === undefined ? 'the announced length' : `Content-Length ${announced}`;
  return new FetchError(CODES.lengthMismatch, `GET ${url.href}: the server sent more bytes than ${what}`);
}
