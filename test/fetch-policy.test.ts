import { describe, expect, it } from 'vitest';
import { buildImage, fetch, listImages, short, useServers, withStore } from './fetch-support.js';
import { discoveryPage, file, type TestServer } from './helpers/http-server.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-policy-');
const server = useServers();
const INSECURE = '--insecure-options=image,http';

/** `127.0.0.1/policy/app` version 1, discoverable on `srv`, its ACI served with `etag`. */
async function serveApp(srv: TestServer, options: { etag?: string; cacheControl?: string } = {}) {
  const name = '127.0.0.1/policy/app';
  const img = await buildImage(await tempDir(), name, { version: '1' });
  srv.route('/policy/app?ac-discovery=1', discoveryPage([name, srv.url('/{name}-{version}.{ext}')]));
  srv.route(`/${name}-1.aci`, file(img.bytes, options));
  return { img, arg: `${srv.authority}/policy/app:1`, aci: `/${name}-1.aci`, url: srv.url(`/${name}-1.aci`) };
}

describe('rkt fetch: pull policies by name', () => {
  it('new uses the stored image without contacting the server', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv);
    expect((await fetch(dir, [INSECURE, '--pull-policy=new', app.arg])).stdout).toBe(
      `${short(app.img.id)}\n`,
    );
    const seen = srv.requests.length;
    const again = await fetch(dir, ['--pull-policy=new', app.arg]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(`${short(app.img.id)}\n`);
    expect(srv.requests.length).toBe(seen);
  });

  it('update (the default) asks again, with If-None-Match, and reuses the image on 304', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv, { etag: '"app-1"' });
    expect((await fetch(dir, [INSECURE, app.arg])).code).toBe(0);
    const before = (await withStore(dir, (s) => s.getRemote(app.url)))?.downloadTime ?? 0;
    const again = await fetch(dir, [INSECURE, app.arg]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(`${short(app.img.id)}\n`);
    const gets = srv.requests.filter((r) => r.url === app.aci);
    expect(gets.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"app-1"']);
    expect(srv.count('/policy/app?ac-discovery=1')).toBe(2);
    const remote = await withStore(dir, (s) => s.getRemote(app.url));
    expect(remote?.downloadTime).toBeGreaterThan(before);
    expect(await listImages(dir)).toHaveLength(1);
  });

  it('never fails naming the image when it is not stored, and never touches the network', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv);
    const r = await fetch(dir, [INSECURE, '--pull-policy=never', app.arg]);
    expect(r.stderr).toContain('fetch: image "127.0.0.1/policy/app:1,os=linux,arch=');
    expect(r.stderr).toContain('is not in the store');
    expect(r.code).toBe(254);
    const old = await fetch(dir, ['--store-only', app.arg]);
    expect(old.stderr).toContain('--store-only is deprecated');
    expect(old.code).toBe(254);
    expect(srv.requests).toEqual([]);
  });

  it('never finds a stored image by name, even with the server gone', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv);
    await fetch(dir, [INSECURE, app.arg]);
    await srv.close();
    const r = await fetch(dir, ['--pull-policy=never', app.arg]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(app.img.id)}\n`);
    expect((await fetch(dir, ['--pull-policy=never', '127.0.0.1/policy/app'])).stdout).toBe(r.stdout);
  });
});

describe('rkt fetch: pull policies by URL', () => {
  it('new reuses the remote record of that exact URL', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv);
    await fetch(dir, [INSECURE, app.url]);
    const r = await fetch(dir, ['--pull-policy=new', app.url]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(app.img.id)}\n`);
    expect(srv.count(app.aci)).toBe(1);
    expect((await fetch(dir, ['--pull-policy=never', app.url])).stdout).toBe(r.stdout);
    const other = await fetch(dir, ['--pull-policy=never', srv.url('/other.aci')]);
    expect(other.stderr).toContain(`image "${srv.url('/other.aci')}" is not in the store`);
  });

  it('update reuses an image younger than its Cache-Control max-age without asking', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv, { cacheControl: 'max-age=3600' });
    await fetch(dir, [INSECURE, app.url]);
    const r = await fetch(dir, [INSECURE, app.url]);
    expect(r.stdout).toBe(`${short(app.img.id)}\n`);
    expect(srv.count(app.aci)).toBe(1);
  });

  it('update downloads again when the ETag changed, keeping one record per image', async () => {
    const dir = await tempDir();
    const srv = await server();
    const app = await serveApp(srv, { etag: '"one"' });
    await fetch(dir, [INSECURE, app.url]);
    const v2 = await buildImage(await tempDir(), '127.0.0.1/policy/app', { version: '2' });
    srv.route(app.aci, file(v2.bytes, { etag: '"two"' }));
    const r = await fetch(dir, [INSECURE, app.url]);
    expect(r.stdout).toBe(`${short(v2.id)}\n`);
    expect((await withStore(dir, (s) => s.getRemote(app.url)))?.etag).toBe('"two"');
    expect((await listImages(dir)).map((i) => i.id).sort()).toEqual([app.img.id, v2.id].sort());
  });
});
