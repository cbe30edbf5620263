import { appendFile, copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoImage,
  setupIn,
  signedCopy,
  tamperedSignature,
  trust,
  useSigners,
  type KeyName,
  type Setup,
} from './fetch-signed-support.js';
import { FAST_ENV } from './fetch-support.js';
import { displayFingerprint } from './helpers/gpg.js';
import { file, html, TestServer } from './helpers/http-server.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

// `rkt run` fetches its images with rkt fetch's library: the same checks, before any pod exists. The
// default stage1 (found next to the binaries) is not signature-checked.
const tempDir = useTempDirs('rkt-e2e-run-signed-');
const s = useSigners();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((srv) => srv.close()));
});

const run = (setup: Setup, args: string[]) => rkt([...setup.flags, 'run', ...args], { env: FAST_ENV });

async function busybox(trusted: KeyName, signer: KeyName, prefix = 'example.com') {
  const setup = setupIn(await tempDir());
  await trust(setup, prefix, s.pub[trusted]);
  return { setup, image: await signedCopy(s, join(setup.root, 'img'), 'busybox', signer) };
}

describe('rkt run of signed images', () => {
  it('runs an image whose signature verifies (Ed25519 subkey)', async () => {
    const { setup, image } = await busybox('ed', 'ed');
    const r = await run(setup, [image.path]);
    expect(r.stdout).toBe('hello from busybox\n');
    expect(r.code).toBe(0);
  });

  it.each([
    ['no signature', 'rsa', 'rsa', 'no such file or directory'],
    ['an untrusted signer', 'rsa', 'stranger', 'which is not trusted for "example.com/busybox"'],
    ['a key of another prefix', 'other', 'rsa', 'which is trusted only for prefix "example.org"'],
    ['an expired key', 'old', 'old', 'expired on 2020-01-02'],
    ['a revoked key', 'revoked', 'revoked', 'has been revoked'],
  ] as const)('refuses %s, and makes no pod nor image', async (_what, trusted, signer, message) => {
    const other = trusted === 'other';
    const { setup, image } = await busybox(
      other ? 'rsa' : trusted,
      signer,
      other ? 'example.org' : undefined,
    );
    let target = image.path;
    if (_what === 'no signature') {
      target = join(setup.root, 'unsigned.aci');
      await copyFile(image.path, target);
    }
    const r = await run(setup, [target]);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(254);
    await expectNoImage(setup);
    expect((await rkt([...setup.flags, 'list', '--no-legend'])).stdout).toBe('');
  });

  it('refuses a tampered image and a tampered signature', async () => {
    const { setup, image } = await busybox('rsa', 'rsa');
    const copy = join(setup.root, 'tampered.aci');
    await copyFile(image.path, copy);
    await appendFile(copy, Buffer.alloc(100));
    await copyFile(image.asc, `${copy}.asc`);
    const tampered = await run(setup, [copy]);
    expect(tampered.stderr).toContain('signed digest did not match');
    expect(tampered.code).toBe(254);
    await tamperedSignature(s, image.path, 'rsa', image.asc);
    const badSig = await run(setup, [image.path]);
    expect(badSig.stderr).toContain('the signature is invalid or damaged');
    expect(badSig.code).toBe(254);
    await expectNoImage(setup);
  });

  it('runs a name discovered over http once its prefix is trusted, and names an untrusted signer', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, '127.0.0.1/signed', s.pub.rsa);
    const srv = await TestServer.start();
    servers.push(srv);
    const name = '127.0.0.1/signed/hello';
    const rootfs = await helloImage(join(setup.root, 'site'), name);
    srv.route(`/${name}-1.aci`, file(rootfs.bytes));
    srv.route('/signed/hello?ac-discovery=1', discovery(srv.url('/{name}-{version}.{ext}')));
    srv.route(`/${name}-1.aci.asc`, file(await s.sign('stranger', rootfs.path, `${rootfs.path}.asc`)));
    const refused = await run(setup, ['--insecure-options=http', `${srv.authority}/signed/hello:1`]);
    expect(refused.stderr).toContain(`signed by key ${displayFingerprint(s.keys.stranger.fpr)}`);
    expect(refused.code).toBe(254);
    expect(srv.count(`/${name}-1.aci`)).toBe(0);
    srv.route(`/${name}-1.aci.asc`, file(await s.sign('rsa', rootfs.path, `${rootfs.path}.asc`)));
    const r = await run(setup, ['--insecure-options=http', `${srv.authority}/signed/hello:1`]);
    expect(r.stdout).toBe('hello, signed\n');
    expect(r.code).toBe(0);
    expect(srv.count(`/${name}-1.aci`)).toBe(1);
  });
});

/** A runnable image named `name` (version 1): busybox printing a line. */
async function helloImage(dir: string, name: string): Promise<{ path: string; bytes: Buffer }> {
  await mkdir(join(dir, 'rootfs/bin'), { recursive: true });
  await copyFile('/bin/busybox', join(dir, 'rootfs/bin/busybox'));
  const path = join(dir, 'hello.aci');
  const built = await rkt(
    ['image', 'build', join(dir, 'rootfs'), path, `--name=${name}`, '--label=version=1'].concat([
      '--exec=/bin/busybox',
      '--user=0',
      '--group=0',
      '--',
      'echo',
      'hello, signed',
    ]),
  );
  expect(built.code, built.stderr).toBe(0);
  return { path, bytes: await readFile(path) };
}

function discovery(template: string) {
  return html(
    `<!DOCTYPE html><html><head><meta name="ac-discovery" content="127.0.0.1/signed ${template}"></head></html>`,
  );
}
