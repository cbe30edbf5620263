import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildImage, fetch, listImages, short, useServers } from './fetch-support.js';
import { discoveryPage, file, raw, redirect, stall, status } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-http-');
const server = useServers();
const INSECURE = '--insecure-options=image,http';
const busyboxBytes = () => readFile(testImages().busybox.path);

describe('rkt fetch: HTTP', () => {
  it('follows redirects', async () => {
    const dir = await tempDir();
    const srv = await server();
    srv.route('/a.aci', redirect('/b.aci', 301)).route('/b.aci', redirect(srv.url('/c/busybox.aci'), 307));
    srv.route('/c/busybox.aci', file(await busyboxBytes()));
    const r = await fetch(dir, [INSECURE, srv.url('/a.aci')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(testImages().busybox.id)}\n`);
  });

  it('stops a redirect loop', async () => {
    const dir = await tempDir();
    const srv = await server();
    srv.route('/loop.aci', redirect('/loop.aci'));
    const r = await fetch(dir, [INSECURE, srv.url('/loop.aci')]);
    expect(r.stderr).toBe(`fetch: GET ${srv.url('/loop.aci')}: more than 10 redirects\n`);
    expect(r.code).toBe(254);
  });

  it('reports a 404 in one line, without retrying', async () => {
    const dir = await tempDir();
    const srv = await server();
    const r = await fetch(dir, [INSECURE, srv.url('/missing.aci')]);
    expect(r.stderr).toBe(`fetch: GET ${srv.url('/missing.aci')}: 404 Not Found\n`);
    expect(r.code).toBe(254);
    expect(srv.count('/missing.aci')).toBe(1);
  });

  it('retries a 5xx, then succeeds or gives up', async () => {
    const dir = await tempDir();
    const srv = await server();
    const bytes = await busyboxBytes();
    let calls = 0;
    srv.route('/flaky.aci', (req, res) => (++calls < 3 ? status(503)(req, res) : file(bytes)(req, res)));
    const ok = await fetch(dir, [INSECURE, srv.url('/flaky.aci')]);
    expect(ok.stdout).toBe(`${short(testImages().busybox.id)}\n`);
    expect(calls).toBe(3);
    srv.route('/down.aci', status(500));
    const down = await fetch(dir, [INSECURE, srv.url('/down.aci')]);
    expect(down.stderr).toBe(`fetch: GET ${srv.url('/down.aci')}: 500 Internal Server Error\n`);
    expect(srv.count('/down.aci')).toBe(3);
  });

  it('gives up on a server that stops sending', async () => {
    const dir = await tempDir();
    const srv = await server();
    srv.route('/stall.aci', stall(await busyboxBytes(), 1000));
    const started = Date.now();
    const r = await fetch(dir, [INSECURE, srv.url('/stall.aci')], {
      env: { ...process.env, RKT_FETCH_STALL_TIMEOUT: '0.5', RKT_FETCH_RETRIES: '0' },
    });
    expect(r.stderr).toBe(`fetch: GET ${srv.url('/stall.aci')}: no data for 0.5s\n`);
    expect(r.code).toBe(254);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await listImages(dir)).toEqual([]);
  });

  it('refuses a body longer than its Content-Length', async () => {
    const dir = await tempDir();
    const srv = await server();
    const bytes = await busyboxBytes();
    srv.route(
      '/long.aci',
      raw(
        `HTTP/1.1 200 OK\r\nContent-Length: ${bytes.length}`,
        Buffer.concat([bytes, Buffer.from('trailing')]),
      ),
    );
    const r = await fetch(dir, [INSECURE, srv.url('/long.aci')]);
    expect(r.stderr).toBe(
      `fetch: GET ${srv.url('/long.aci')}: the server sent more bytes than Content-Length ${bytes.length}\n`,
    );
    expect(r.code).toBe(254);
    expect(await listImages(dir)).toEqual([]);
  });

  it('refuses a body shorter than its Content-Length, and a cut chunked body', async () => {
    const dir = await tempDir();
    const srv = await server();
    const bytes = await busyboxBytes();
    const cut = bytes.subarray(0, bytes.length - 1000);
    srv.route('/short.aci', raw(`HTTP/1.1 200 OK\r\nContent-Length: ${bytes.length}`, cut));
    srv.route(
      '/chunked.aci',
      raw(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked',
        Buffer.concat([Buffer.from(`${cut.length.toString(16)}\r\n`), cut]),
      ),
    );
    const short1 = await fetch(dir, [INSECURE, srv.url('/short.aci')]);
    expect(short1.stderr).toMatch(
      new RegExp(
        `^fetch: GET ${srv.url('/short.aci')}: connection closed after \\d+ of ${bytes.length} bytes\\n$`,
      ),
    );
    const chunked = await fetch(dir, [INSECURE, srv.url('/chunked.aci')]);
    expect(chunked.stderr).toMatch(
      new RegExp(`^fetch: GET ${srv.url('/chunked.aci')}: connection closed after \\d+ bytes\\n$`),
    );
    expect(srv.count('/short.aci')).toBe(3);
    expect(await listImages(dir)).toEqual([]);
  });

  it('refuses a body that is not an ACI', async () => {
    const dir = await tempDir();
    const srv = await server();
    srv.route('/page.aci', file(Buffer.from('<html>not an image</html>\n')));
    const r = await fetch(dir, [INSECURE, srv.url('/page.aci')]);
    expect(r.stderr).toMatch(new RegExp(`^fetch: ${srv.url('/page.aci')}: not an ACI`));
    expect(r.code).toBe(254);
    expect(await listImages(dir)).toEqual([]);
  });

  it('reports a port where nothing listens', async () => {
    const dir = await tempDir();
    const srv = await server();
    const url = srv.url('/gone.aci');
    await srv.close();
    const r = await fetch(dir, [INSECURE, url], { env: { ...process.env, RKT_FETCH_RETRIES: '0' } });
    expect(r.stderr).toMatch(new RegExp(`^fetch: GET ${url}: connect ECONNREFUSED`));
    expect(r.code).toBe(254);
  });
});

describe('rkt fetch: discovery failures', () => {
  it('says where it looked when no page offers a template', async () => {
    const dir = await tempDir();
    const srv = await server();
    srv.route('/x/y?ac-discovery=1', discoveryPage(['127.0.0.1/other', srv.url('/{name}.{ext}')]));
    const r = await fetch(dir, [INSECURE, `${srv.authority}/x/y`]);
    expect(r.stderr).toContain('fetch: discovery failed for "127.0.0.1/x/y": ');
    expect(r.stderr).toContain(`${srv.url('/x/y?ac-discovery=1')}: no matching ac-discovery template`);
    expect(r.stderr).toContain(`GET ${srv.url('/x?ac-discovery=1')}: 404 Not Found`);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(254);
  });

  it('refuses and drops an image whose name or labels differ from the request', async () => {
    const dir = await tempDir();
    const srv = await server();
    const impostor = await buildImage(await tempDir(), '127.0.0.1/someone/else', { version: '1' });
    srv.route('/wanted?ac-discovery=1', discoveryPage(['127.0.0.1/wanted', srv.url('/{name}.{ext}')]));
    srv.route('/127.0.0.1/wanted.aci', file(impostor.bytes));
    const r = await fetch(dir, [INSECURE, `${srv.authority}/wanted`]);
    expect(r.stderr).toBe(
      'fetch: image discovered for "127.0.0.1/wanted" is named "127.0.0.1/someone/else"\n',
    );
    expect(r.code).toBe(254);
    expect(await listImages(dir)).toEqual([]);
    const labelled = await buildImage(await tempDir(), '127.0.0.1/wanted', { version: '2' });
    srv.route('/127.0.0.1/wanted.aci', file(labelled.bytes));
    const wrongVersion = await fetch(dir, [INSECURE, `${srv.authority}/wanted:3`]);
    expect(wrongVersion.stderr).toBe(
      'fetch: image discovered for "127.0.0.1/wanted" has version="2", not "3"\n',
    );
    expect(await listImages(dir)).toEqual([]);
  });

  it('needs --insecure-options=http to discover over http', async () => {
    const dir = await tempDir();
    const srv = await server();
    const r = await fetch(dir, ['--insecure-options=image', `${srv.authority}/app`]);
    expect(r.stderr).toContain('fetch: discovery failed for "127.0.0.1/app"');
    expect(srv.requests).toEqual([]);
  });
});
