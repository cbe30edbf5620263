import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImage, fetch, short } from './fetch-support.js';
import { discoveryPage, file, TestServer } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-tls-');
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An https server with a fresh self-signed certificate for 127.0.0.1. */
async function httpsServer(): Promise<TestServer> {
  const dir = await tempDir();
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const server = await TestServer.start({
    key: await readFile(key, 'utf8'),
    cert: await readFile(cert, 'utf8'),
  });
  servers.push(server);
  return server;
}

async function httpServer(): Promise<TestServer> {
  const server = await TestServer.start();
  servers.push(server);
  return server;
}

describe('rkt fetch: TLS', () => {
  it('checks certificates unless --insecure-options=tls, and does not retry a bad one', async () => {
    const dir = await tempDir();
    const srv = await httpsServer();
    srv.route('/busybox.aci', file(await readFile(testImages().busybox.path)));
    const url = srv.url('/busybox.aci');
    const refused = await fetch(dir, ['--insecure-options=image', url]);
    expect(refused.stderr).toBe(`fetch: GET ${url}: self-signed certificate\n`);
    expect(refused.code).toBe(254);
    expect(srv.requests).toEqual([]);
    const r = await fetch(dir, ['--insecure-options=image,tls', url]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(testImages().busybox.id)}\n`);
  });

  it('discovers over https first, without needing --insecure-options=http', async () => {
    const dir = await tempDir();
    const srv = await httpsServer();
    const img = await buildImage(await tempDir(), '127.0.0.1/secure/app', { version: '1' });
    srv.route(
      '/secure/app?ac-discovery=1',
      discoveryPage(['127.0.0.1/secure/app', srv.url('/{name}-{version}.{ext}')]),
    );
    srv.route('/127.0.0.1/secure/app-1.aci', file(img.bytes));
    const r = await fetch(dir, ['--insecure-options=image,tls', `${srv.authority}/secure/app:1`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(img.id)}\n`);
  });
});

describe('rkt fetch: auth.d', () => {
  it("sends the host's credentials from the user config dir", async () => {
    const dir = await tempDir();
    const srv = await httpServer();
    const config = await tempDir();
    await mkdir(join(config, 'auth.d'));
    const auth = { rktKind: 'auth', rktVersion: 'v1', domains: [srv.authority], type: 'basic' };
    const credentials = { user: 'fetcher', password: 's3cret' };
    await writeFile(join(config, 'auth.d', 'test.json'), JSON.stringify({ ...auth, credentials }));
    const bytes = await readFile(testImages().busybox.path);
    const expected = `Basic ${Buffer.from('fetcher:s3cret').toString('base64')}`;
    srv.route('/private.aci', (req, res) =>
      req.headers.authorization === expected ? file(bytes)(req, res) : void res.writeHead(401).end(),
    );
    const url = srv.url('/private.aci');
    const denied = await fetch(dir, ['--insecure-options=image,http', url]);
    expect(denied.stderr).toBe(`fetch: GET ${url}: 401 Unauthorized\n`);
    const r = await fetch(dir, ['--insecure-options=image,http', `--user-config=${config}`, url]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(testImages().busybox.id)}\n`);
  });
});
