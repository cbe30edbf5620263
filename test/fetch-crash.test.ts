// kill -9 of rkt fetch, as root: during a download and at several moments of a local import that
// renders the tree. Afterwards nothing may look like a complete image unless it is one, and the
// next fetch and `rkt image gc` clean the debris.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImages, short, useServers } from './fetch-support.js';
import { file, stall } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { RKT, rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-crash-');
const server = useServers();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start `rkt --dir=DIR ARGS` and SIGKILL it (by its PID) after `ms`, or when `when()` holds. */
async function killDuring(dir: string, args: string[], ms: number, when?: () => boolean): Promise<void> {
  const child = spawn(RKT, [`--dir=${dir}`, ...args], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + 10_000;
  await sleep(ms);
  while (when && !when() && Date.now() < deadline && child.exitCode === null) await sleep(5);
  child.kill('SIGKILL');
  await exited;
}

/** Temp files, unfinished trees and trees without their `rendered` mark: what a crash leaves. */
function debris(dir: string): string[] {
  const cas = join(dir, 'cas');
  const tmp = existsSync(join(cas, 'tmp')) ? readdirSync(join(cas, 'tmp')).map((f) => `tmp/${f}`) : [];
  const trees = existsSync(join(cas, 'tree')) ? readdirSync(join(cas, 'tree')) : [];
  const unfinished = trees.filter(
    (t) => t.startsWith('.tmp') || !existsSync(join(cas, 'tree', t, 'rendered')),
  );
  return [...tmp, ...unfinished.map((t) => `tree/${t}`)];
}

/** A gzip ACI of about 30 MB of incompressible files, so an import takes a while. */
async function bigImage(dir: string): Promise<string> {
  const rootfs = join(dir, 'big-rootfs');
  await mkdir(join(rootfs, 'data'), { recursive: true });
  for (let i = 0; i < 60; i++) await writeFile(join(rootfs, 'data', `f${i}`), randomBytes(512 << 10));
  const aci = join(dir, 'big.aci');
  const r = await rkt(['image', 'build', rootfs, aci, '--name=example.com/big']);
  expect(r.code, r.stderr).toBe(0);
  return aci;
}

describe('rkt fetch killed with SIGKILL', () => {
  it('during a download: no image, the debris goes at the next gc, a new fetch works', async () => {
    const dir = await tempDir();
    const srv = await server();
    const body = await readFile(testImages().busybox.path);
    srv.route('/stalls/busybox.aci', stall(body, body.length >> 1));
    srv.route('/busybox.aci', file(body));
    const flags = ['--insecure-options=image,http', 'fetch'];
    await killDuring(dir, [...flags, srv.url('/stalls/busybox.aci')], 0, () => debris(dir).length > 0);
    expect(await listImages(dir)).toEqual([]);
    expect(debris(dir).length).toBeGreaterThan(0);
    const gc = await rkt([`--dir=${dir}`, 'image', 'gc']);
    expect(gc.code, gc.stderr).toBe(0);
    expect(debris(dir)).toEqual([]);
    const again = await rkt([`--dir=${dir}`, ...flags, srv.url('/busybox.aci')]);
    expect(again.stdout).toBe(`${short(testImages().busybox.id)}\n`);
    expect((await listImages(dir)).map((i) => i.name)).toEqual(['example.com/busybox']);
  });

  it.each([30, 120, 300, 700])(
    'after %i ms of an import that renders: complete or absent, never half',
    async (ms) => {
      const dir = await tempDir();
      const aci = await bigImage(dir);
      const data = join(dir, 'data');
      await killDuring(data, ['--insecure-options=image', 'fetch', aci], ms);
      const images = await listImages(data);
      expect(images.length).toBeLessThanOrEqual(1);
      if (images.length === 1) {
        const verify = await rkt([`--dir=${data}`, 'image', 'verify', images[0]!.key]);
        expect(verify.code, verify.stderr).toBe(0);
      }
      const gc = await rkt([`--dir=${data}`, 'image', 'gc']);
      expect(gc.code, gc.stderr).toBe(0);
      expect(debris(data)).toEqual([]);
      const again = await rkt([`--dir=${data}`, '--insecure-options=image', 'fetch', aci]);
      expect(again.code, again.stderr).toBe(0);
      const render = await rkt([`--dir=${data}`, 'image', 'verify', 'example.com/big']);
      expect(render.stdout).toMatch(/successfully verified checksum|not rendered/);
      expect(debris(data)).toEqual([]);
    },
  );
});
