import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fetch, listImages, short, useServers } from './fetch-support.js';
import { file } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-concurrency-');
const server = useServers();
const INSECURE = '--insecure-options=image,http';

describe('rkt fetch: concurrency', () => {
  it('several processes fetching the same and different images into one store all succeed', async () => {
    const dir = await tempDir();
    const srv = await server();
    const { busybox, worker, base } = testImages();
    srv.route('/busybox.aci', file(await readFile(busybox.path), { etag: '"b"' }));
    srv.route('/worker.aci', file(await readFile(worker.path)));
    const runs = await Promise.all([
      fetch(dir, [INSECURE, srv.url('/busybox.aci')]),
      fetch(dir, [INSECURE, srv.url('/busybox.aci')]),
      fetch(dir, [INSECURE, srv.url('/busybox.aci')]),
      fetch(dir, [INSECURE, srv.url('/worker.aci')]),
      fetch(dir, [INSECURE, srv.url('/worker.aci')]),
      fetch(dir, ['--insecure-options=image', base.path]),
      fetch(dir, ['--insecure-options=image', base.path]),
    ]);
    expect(runs.map((r) => r.stderr)).toEqual(runs.map(() => ''));
    expect(runs.map((r) => r.stdout)).toEqual([
      ...[busybox, busybox, busybox, worker, worker, base, base].map((i) => `${short(i.id)}\n`),
    ]);
    const images = await listImages(dir);
    expect(images.map((i) => i.id).sort()).toEqual([busybox.id, worker.id, base.id].sort());
  });
});
