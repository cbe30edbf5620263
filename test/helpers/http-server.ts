import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real HTTP server on 127.0.0.1 and a random port, for fetch tests. Routes match the request
 * target exactly (path and query); anything else is a 404. Every request is recorded.
 */
export class TestServer {
  readonly requests: Seen[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly scheme: 'http' | 'https',
  ) {}

  /** With `tls` (PEM key and certificate), an https server. */
  static async start(tls?: { key: string; cert: string }): Promise<TestServer> {
    const server = tls === undefined ? createServer() : createTlsServer(tls);
    const self = new TestServer(server, tls === undefined ? 'http' : 'https');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => self.handle(req, res));
    server.on('connection', (socket: Socket) => {
      self.sockets.add(socket);
      socket.on('close', () => self.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `127.0.0.1:<port>`: the authority of image names discovered here */
  get authority(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(target: string): string {
    return `${this.scheme}://${this.authority}${target}`;
  }

  route(target: string, handler: Handler): this {
    this.routes.set(target, handler);
    return this;
  }

  /** Requests whose target is `target` (exactly). */
  count(target: string): number {
    return this.requests.filter((r) => r.url === target).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push({ url: req.url ?? '', headers: req.headers });
    const handler = this.routes.get(req.url ?? '');
    if (handler === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    void Promise.resolve(handler(req, res)).catch(() => res.destroy());
  }
}

export interface FileOptions {
  etag?: string;
  cacheControl?: string;
  lastModified?: string;
}

/** Serves `body` with the given validators, answering a matching If-None-Match with 304. */
export function file(body: Buffer, options: FileOptions = {}): Handler {
  return (req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (options.etag !== undefined) headers.etag = options.etag;
    if (options.cacheControl !== undefined) headers['cache-control'] = options.cacheControl;
    if (options.lastModified !== undefined) headers['last-modified'] = options.lastModified;
    if (options.etag !== undefined && req.headers['if-none-match'] === options.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
  };
}

export function html(text: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(text);
  };
}

/** A discovery page with one `ac-discovery` template per entry. */
export function discoveryPage(...entries: [prefix: string, template: string][]): Handler {
  const tags = entries.map(([p, t]) => `<meta name="ac-discovery" content="${p} ${t}">`).join('\n');
  return html(`<!DOCTYPE html>\n<html><head>\n${tags}\n</head><body>discovery</body></html>\n`);
}

export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

export function status(code: number): Handler {
  return (_req, res) => {
    res.writeHead(code).end(`status ${code}`);
  };
}

/** Writes `head` (status line and headers, CRLF-separated, without the blank line) and `body` as
 *  raw bytes, then closes the connection: for servers that lie. */
export function raw(head: string, body: Buffer): Handler {
  return (req) => {
    req.socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]));
  };
}

/** Sends the headers and `first` bytes of `body`, then goes silent (until the server closes). */
export function stall(body: Buffer, first: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-length': String(body.length) });
    res.write(body.subarray(0, first));
  };
}
