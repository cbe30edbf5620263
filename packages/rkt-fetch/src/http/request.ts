import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { CODES, FetchError } from '../errors.js';
import type { HttpSettings } from '../types.js';
import { checkedBody } from './body.js';
import { networkError } from './net-errors.js';
import { Watchdog } from './watchdog.js';

export interface HttpResponse {
  url: URL;
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** from Content-Length, when the server announced one */
  length: number | undefined;
  /** checked as checkedBody describes; consume or destroy it */
  body: Readable;
}

export interface RequestOptions {
  headers: Record<string, string>;
  settings: HttpSettings;
  insecureTls: boolean;
  onBytes?: (n: number) => void;
}

/**
 * One GET on its own connection (`Connection: close`, no agent: nothing outlives the transfer).
 * Resolves once the headers are in; connect and stall timeouts apply until the body has ended.
 */
export function requestOnce(url: URL, options: RequestOptions): Promise<HttpResponse> {
  const { settings } = options;
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'GET',
      agent: false,
      rejectUnauthorized: !options.insecureTls,
      headers: {
        'user-agent': 'rkt-ts',
        'accept-encoding': 'identity',
        ...options.headers,
        connection: 'close',
      },
    });
    const seconds = (ms: number) => `${ms / 1000}s`;
    const stalled = () =>
      new FetchError(CODES.stalled, `GET ${url.href}: no data for ${seconds(settings.stallTimeoutMs)}`, {
        transient: true,
      });
    let body: Readable | undefined;
    const watchdog = new Watchdog(
      settings.stallTimeoutMs,
      () => req.destroy(stalled()),
      () => body !== undefined && (body.readableLength >= body.readableHighWaterMark || body.isPaused()),
    );
    const connectTimer = setTimeout(() => {
      const message = `GET ${url.href}: could not connect within ${seconds(settings.connectTimeoutMs)}`;
      req.destroy(new FetchError(CODES.timeout, message, { transient: true }));
    }, settings.connectTimeoutMs);
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        watchdog.kick();
      });
    });
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      watchdog.stop();
      if (body === undefined) reject(networkError(url, err));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      body = checkedBody(req, res, url, watchdog, options.onBytes);
      const length = Number(res.headers['content-length']);
      resolve({
        url,
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        length:
          res.headers['content-length'] === undefined || !Number.isSafeInteger(length) ? undefined : length,
        body,
      });
    });
    req.end();
  });
}
