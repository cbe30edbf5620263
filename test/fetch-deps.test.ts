import { describe, expect, it } from 'vitest';
import { buildImage, fetch, key, listImages, short, useServers, withStore } from './fetch-support.js';
import { discoveryPage, file, type TestServer } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-deps-');
const server = useServers();
const INSECURE = '--insecure-options=image,http';

/** `127.0.0.1/deps/app:1` depending on `127.0.0.1/deps/base:1` by imageID, both discoverable. */
async function serveLayered(srv: TestServer) {
  const work = await tempDir();
  const base = await buildImage(work, '127.0.0.1/deps/base', { version: '1' });
  const app = await buildImage(work, '127.0.0.1/deps/app', {
    version: '1',
    dependency: `127.0.0.1/deps/base:1,imageID=${base.id}`,
  });
  srv.route('/deps?ac-discovery=1', discoveryPage(['127.0.0.1/deps/', srv.url('/{name}-{version}.{ext}')]));
  srv.route('/127.0.0.1/deps/base-1.aci', file(base.bytes));
  srv.route('/127.0.0.1/deps/app-1.aci', file(app.bytes));
  return { base, app, work };
}

describe('rkt fetch: dependencies', () => {
  it('discovers a dependency named on the same host and port, and renders the image', async () => {
    const dir = await tempDir();
    const srv = await server();
    const { base, app } = await serveLayered(srv);
    const r = await fetch(dir, [INSECURE, `${srv.authority}/deps/app:1`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(app.id)}\n`);
    expect((await listImages(dir)).map((i) => [i.name, i.id]).sort()).toEqual([
      ['127.0.0.1/deps/app', app.id],
      ['127.0.0.1/deps/base', base.id],
    ]);
    if (process.geteuid?.() === 0) {
      const trees = await withStore(dir, (s) => s.listTrees());
      expect(trees.map((t) => t.imageKey)).toContain(key(app.id));
    }
    const seen = srv.requests.length;
    expect((await fetch(dir, ['--pull-policy=new', `${srv.authority}/deps/app:1`])).stdout).toBe(r.stdout);
    expect(srv.requests.length).toBe(seen);
  });

  it('refuses a dependency whose bytes do not match its imageID, keeping nothing of it', async () => {
    const dir = await tempDir();
    const srv = await server();
    const { base, app, work } = await serveLayered(srv);
    const forged = await buildImage(work, '127.0.0.1/deps/base', { version: '1', label: ['channel=forged'] });
    srv.route('/127.0.0.1/deps/base-1.aci', file(forged.bytes));
    const r = await fetch(dir, [INSECURE, `${srv.authority}/deps/app:1`]);
    expect(r.stderr).toContain('fetch: dependency "127.0.0.1/deps/base" of "127.0.0.1/deps/app": ');
    expect(r.stderr).toContain(`image ID mismatch: expected ${base.id}, got ${forged.id}`);
    expect(r.code).toBe(254);
    expect((await listImages(dir)).map((i) => i.id)).toEqual([app.id]);
  });

  it('uses a dependency already in the store by imageID, without any network', async () => {
    const dir = await tempDir();
    const { base, layered } = testImages();
    expect((await fetch(dir, ['--insecure-options=image', base.path])).code).toBe(0);
    const r = await fetch(dir, ['--insecure-options=image', layered.path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(layered.id)}\n`);
    expect((await listImages(dir)).map((i) => i.name).sort()).toEqual([
      'example.com/base',
      'example.com/layered',
    ]);
  });

  it('with --pull-policy=never, names the dependency it cannot find', async () => {
    const dir = await tempDir();
    const r = await fetch(dir, [
      '--insecure-options=image',
      '--pull-policy=never',
      testImages().layered.path,
    ]);
    expect(r.stderr).toMatch(
      /^fetch: dependency "example\.com\/base" of "example\.com\/layered": image "example\.com\/base:[^"]*" is not in the store/,
    );
    expect(r.code).toBe(254);
  });
});
