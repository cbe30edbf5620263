import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImage, fetch, key, listImages, short, useServers, withStore } from './fetch-support.js';
import { discoveryPage, file } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-');
const server = useServers();
const INSECURE = '--insecure-options=image,http';

describe('rkt fetch: sources', () => {
  it('imports a file by path and prints rkt short hash; again gives the same line', async () => {
    const dir = await tempDir();
    const { busybox } = testImages();
    const first = await fetch(dir, ['--insecure-options=image', busybox.path]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${short(busybox.id)}\n`);
    const again = await fetch(dir, ['--insecure-options=image', busybox.path]);
    expect(again.stdout).toBe(first.stdout);
    const images = await listImages(dir);
    expect(images.map((i) => [i.key, i.name, i.latest])).toEqual([
      [key(busybox.id), 'example.com/busybox', false],
    ]);
  });

  it('without --insecure-options=image reports the missing signature like rkt', async () => {
    const dir = await tempDir();
    const work = await tempDir();
    const path = join(work, 'busybox.aci');
    await copyFile(testImages().busybox.path, path);
    const r = await fetch(dir, [path]);
    expect(r.stderr).toBe(`fetch: open ${path}.asc: no such file or directory\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(254);
  });

  it('without --insecure-options=image refuses a present signature it cannot check yet', async () => {
    const dir = await tempDir();
    const { busybox } = testImages();
    const sig = join(await tempDir(), 'busybox.aci.asc');
    await copyFile(busybox.path, sig);
    const r = await fetch(dir, [busybox.path, `--signature=${sig}`]);
    expect(r.stderr).toContain('cannot verify the signature of');
    expect(r.stderr).toContain('--insecure-options=image');
    expect(r.code).toBe(254);
  });

  it('takes relative paths, file:// URLs, and several images in order', async () => {
    const dir = await tempDir();
    const { busybox, worker } = testImages();
    const r = await fetch(dir, ['--insecure-options=image', './worker.aci', `file://${busybox.path}`], {
      cwd: testImages().dir,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(worker.id)}\n${short(busybox.id)}\n`);
  });

  it('downloads an http URL with --insecure-options=image,http and records the remote', async () => {
    const dir = await tempDir();
    const srv = await server();
    const { busybox } = testImages();
    srv.route(
      '/busybox.aci',
      file(await readFile(busybox.path), { etag: '"v1"', cacheControl: 'max-age=60' }),
    );
    const url = srv.url('/busybox.aci');
    const r = await fetch(dir, [INSECURE, url]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(busybox.id)}\n`);
    const remote = await withStore(dir, (s) => s.getRemote(url));
    expect(remote).toMatchObject({ url, blobKey: key(busybox.id), etag: '"v1"', cacheMaxAge: 60 });
  });

  it('refuses plain http without --insecure-options=http, and any URL without image', async () => {
    const dir = await tempDir();
    const srv = await server();
    const url = srv.url('/x.aci');
    const http = await fetch(dir, ['--insecure-options=image', url]);
    expect(http.stderr).toBe(
      `fetch: refusing to fetch ${url} over plain HTTP\nuse --insecure-options=http to allow it\n`,
    );
    expect(http.code).toBe(254);
    const unsigned = await fetch(dir, ['--insecure-options=http', url]);
    expect(unsigned.stderr).toMatch(/^fetch: cannot verify the signature of http:/);
    expect(unsigned.code).toBe(254);
    expect(srv.requests).toEqual([]);
  });

  it('discovers a name from meta tags on host:port, recording it as latest without a version', async () => {
    const dir = await tempDir();
    const srv = await server();
    const work = await tempDir();
    const name = '127.0.0.1/apps/hello';
    const v1 = await buildImage(work, name, { version: '1.0.0' });
    srv.route(
      '/apps/hello?ac-discovery=1',
      discoveryPage([name, srv.url('/aci/{name}/{version}-{os}-{arch}.{ext}')]),
    );
    srv.route(`/aci/${name}/latest-linux-amd64.aci`, file(v1.bytes));
    srv.route(`/aci/${name}/1.0.0-linux-amd64.aci`, file(v1.bytes));
    const latest = await fetch(dir, [INSECURE, `${srv.authority}/apps/hello`]);
    expect(latest.stderr).toBe('');
    expect(latest.stdout).toBe(`${short(v1.id)}\n`);
    expect((await listImages(dir))[0]).toMatchObject({ name, latest: true });
    const pinned = await fetch(dir, [INSECURE, `${srv.authority}/apps/hello:1.0.0`]);
    expect(pinned.stdout).toBe(`${short(v1.id)}\n`);
    expect((await listImages(dir))[0]).toMatchObject({ name, latest: false });
    expect(srv.count('/apps/hello?ac-discovery=1')).toBe(2);
  });

  it('walks discovery up to the host', async () => {
    const dir = await tempDir();
    const srv = await server();
    const name = '127.0.0.1/team/tool';
    const img = await buildImage(await tempDir(), name, { version: '2' });
    srv.route('/?ac-discovery=1', discoveryPage(['127.0.0.1/', srv.url('/{name}-{version}.{ext}')]));
    srv.route(`/${name}-2.aci`, file(img.bytes));
    const r = await fetch(dir, [INSECURE, `${srv.authority}/team/tool:2`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(img.id)}\n`);
    expect(srv.count('/team/tool?ac-discovery=1')).toBe(1);
    expect(srv.count('/team?ac-discovery=1')).toBe(1);
  });

  it('finds a stored image by ID (any unique prefix) without a network, and names an unknown one', async () => {
    const dir = await tempDir();
    const { busybox } = testImages();
    await fetch(dir, ['--insecure-options=image', busybox.path]);
    for (const id of [short(busybox.id), key(busybox.id), busybox.id.slice(0, 12)]) {
      const r = await fetch(dir, ['--full', id]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${key(busybox.id)}\n`);
    }
    const missing = await fetch(dir, ['sha512-0000']);
    expect(missing.stderr).toMatch(/^fetch: .*sha512-0000/);
    expect(missing.code).toBe(254);
  });
});

describe('rkt fetch: output and usage', () => {
  it('--format=json prints only JSON lines: one object per image, then errors as JSON', async () => {
    const dir = await tempDir();
    const { busybox, worker } = testImages();
    const r = await fetch(dir, ['--insecure-options=image', '--format=json', busybox.path, worker.path]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: busybox.id, key: key(busybox.id), name: 'example.com/busybox', source: busybox.path },
      { id: worker.id, key: key(worker.id), name: 'example.com/worker', source: worker.path },
    ]);
    const failed = await fetch(dir, ['--format=json', '--pull-policy=never', 'example.com/nothing']);
    expect(failed.code).toBe(254);
    expect(JSON.parse(failed.stdout)).toMatchObject({ error: { code: 'IMAGE_NOT_FOUND' } });
  });

  it.each([
    [['docker://busybox'], 'fetch: docker images are not supported yet: "docker://busybox"\n'],
    [['https://example.com/app.tgz'], 'must name an .aci file'],
    [['a', '--', 'x'], 'arguments after "--" are not allowed'],
    [[], 'at least one image is required'],
    [['Bad/Name'], 'invalid image name "Bad/Name"'],
  ])('%j is refused', async (args, message) => {
    const dir = await tempDir();
    const r = await fetch(dir, args);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(254);
  });
});
