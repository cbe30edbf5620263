import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoImage, setupIn, signedCopy, trust, useSigners, type Setup } from './fetch-signed-support.js';
import { buildImage, FAST_ENV, short, withStore } from './fetch-support.js';
import { displayFingerprint } from './helpers/gpg.js';
import { file, html, TestServer, type Handler } from './helpers/http-server.js';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-signed-http-');
const s = useSigners();
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((srv) => srv.close()));
});

async function server(tls?: { key: string; cert: string }): Promise<TestServer> {
  const srv = await TestServer.start(tls);
  servers.push(srv);
  return srv;
}

/** An https server with a fresh self-signed certificate, and the env that makes rkt trust it. */
async function httpsServer(dir: string): Promise<{ srv: TestServer; env: NodeJS.ProcessEnv }> {
  const [key, cert] = [join(dir, 'tls.key'), join(dir, 'tls.crt')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
      .concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'])
      .concat(['-keyout', key, '-out', cert]),
    { stdio: 'ignore' },
  );
  const srv = await server({ key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') });
  return { srv, env: { ...FAST_ENV, NODE_EXTRA_CA_CERTS: cert } };
}

/** A discovery page: `ac-discovery` and `ac-discovery-pubkeys` tags. */
function metaPage(tags: { discovery?: [string, string]; pubkeys?: [string, string] }): Handler {
  const meta = Object.entries(tags).map(
    ([kind, [prefix, uri]]) =>
      `<meta name="ac-${kind === 'discovery' ? 'discovery' : 'discovery-pubkeys'}" content="${prefix} ${uri}">`,
  );
  return html(`<!DOCTYPE html><html><head>\n${meta.join('\n')}\n</head><body></body></html>\n`);
}

const fetchIn = (setup: Setup, args: string[], env: NodeJS.ProcessEnv = FAST_ENV) =>
  rkt([...setup.flags, 'fetch', ...args], { env });

describe('rkt fetch of a signed URL', () => {
  it('verifies the signature at the image URL + .asc, and records it', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, 'example.com', s.pub.rsa);
    const image = await signedCopy(s, join(setup.root, 'img'), 'busybox', 'rsa');
    const srv = await server();
    srv.route('/x/busybox.aci', file(image.bytes)).route('/x/busybox.aci.asc', file(image.sig));
    const url = srv.url('/x/busybox.aci');
    const r = await fetchIn(setup, ['--insecure-options=http', url]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(testImages().busybox.id)}\n`);
    expect(srv.requests.map((q) => q.url)).toEqual(['/x/busybox.aci.asc', '/x/busybox.aci']);
    const remote = await withStore(setup.data, (st) => st.getRemote(url));
    expect(remote).toMatchObject({ url, sigUrl: `${url}.asc` });
  });

  it('fails on a missing signature, an unknown signer or an empty keystore before downloading', async () => {
    const setup = setupIn(await tempDir());
    const image = await signedCopy(s, join(setup.root, 'img'), 'busybox', 'stranger');
    const srv = await server();
    srv.route('/busybox.aci', file(image.bytes)).route('/signed.aci', file(image.bytes));
    srv.route('/signed.aci.asc', file(image.sig));
    const empty = await fetchIn(setup, ['--insecure-options=http', srv.url('/signed.aci')]);
    expect(empty.stderr).toMatch(
      /^fetch: cannot verify the signature of http:.*no key is trusted for any image\n/,
    );
    expect(srv.requests).toEqual([]);
    await trust(setup, 'example.com', s.pub.rsa);
    const missing = await fetchIn(setup, ['--insecure-options=http', srv.url('/busybox.aci')]);
    expect(missing.stderr).toBe(
      `fetch: no signature found for ${srv.url('/busybox.aci')}: GET ${srv.url('/busybox.aci.asc')}: 404 Not Found\n` +
        'use --insecure-options=image to fetch without verifying signatures\n',
    );
    expect(missing.code).toBe(254);
    const unknown = await fetchIn(setup, ['--insecure-options=http', srv.url('/signed.aci')]);
    expect(unknown.stderr).toContain(
      `is signed by key ${displayFingerprint(s.keys.stranger.fpr)} (key ID ${s.keys.stranger.fpr.slice(-16)}), which is not trusted for any image`,
    );
    expect(unknown.code).toBe(254);
    expect(srv.count('/busybox.aci') + srv.count('/signed.aci')).toBe(0);
    await expectNoImage(setup);
  });

  it('downloads the image first when the signature answers 202, then verifies it', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, 'example.com', s.pub.ed);
    const image = await signedCopy(s, join(setup.root, 'img'), 'busybox', 'ed');
    const srv = await server();
    let asked = 0;
    srv.route('/busybox.aci', file(image.bytes));
    srv.route('/busybox.aci.asc', (req, res) =>
      ++asked === 1 ? void res.writeHead(202).end() : file(image.sig)(req, res),
    );
    const r = await fetchIn(setup, ['--insecure-options=http', srv.url('/busybox.aci')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(srv.requests.map((q) => q.url)).toEqual(['/busybox.aci.asc', '/busybox.aci', '/busybox.aci.asc']);
  });

  it('refuses a tampered image after streaming it, leaving no record', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, 'example.com', s.pub.rsa);
    const image = await signedCopy(s, join(setup.root, 'img'), 'busybox', 'rsa');
    const srv = await server();
    srv.route('/busybox.aci', file(Buffer.concat([image.bytes, Buffer.alloc(1024)])));
    srv.route('/busybox.aci.asc', file(image.sig));
    const r = await fetchIn(setup, ['--insecure-options=http', srv.url('/busybox.aci')]);
    expect(r.stderr).toContain('signed digest did not match');
    expect(r.code).toBe(254);
    await expectNoImage(setup);
    expect(await readdir(join(setup.data, 'cas/tmp'))).toEqual([]);
  });
});

describe('rkt fetch of a signed name (discovery)', () => {
  const NAME = '127.0.0.1/signed/app';

  async function site(setup: Setup, srv: TestServer, signer: 'rsa' | 'ed' | 'stranger') {
    const work = join(setup.root, 'site');
    const img = await buildImage(work, NAME, { version: '1.0.0' });
    const sig = await s.sign(signer, img.path, `${img.path}.asc`);
    srv.route(`/aci/${NAME}-1.0.0.aci`, file(img.bytes)).route(`/aci/${NAME}-1.0.0.aci.asc`, file(sig));
    srv.route(`/pubkeys/${signer}.asc`, file(await readFile(s.pub[signer])));
    const page = metaPage({
      discovery: ['127.0.0.1/signed', srv.url('/aci/{name}-{version}.{ext}')],
      pubkeys: ['127.0.0.1/signed', srv.url(`/pubkeys/${signer}.asc`)],
    });
    srv.route('/signed/app?ac-discovery=1', page);
    return img;
  }

  it('works with no flag but --insecure-options=http once the prefix is trusted', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, '127.0.0.1/signed', s.pub.ed);
    const srv = await server();
    const img = await site(setup, srv, 'ed');
    const r = await fetchIn(setup, ['--insecure-options=http', `${srv.authority}/signed/app:1.0.0`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(img.id)}\n`);
  });

  it('fails fast on a signer not trusted for the name, before the image is downloaded', async () => {
    const setup = setupIn(await tempDir());
    await trust(setup, '127.0.0.1/signed', s.pub.rsa);
    const srv = await server();
    await site(setup, srv, 'stranger');
    const r = await fetchIn(setup, ['--insecure-options=http', `${srv.authority}/signed/app:1.0.0`]);
    expect(r.stderr).toContain(`signed by key ${displayFingerprint(s.keys.stranger.fpr)}`);
    expect(r.stderr).toContain(`rkt trust --prefix=${NAME} <keyfile>`);
    expect(r.code).toBe(254);
    expect(srv.count(`/aci/${NAME}-1.0.0.aci`)).toBe(0);
    await expectNoImage(setup);
  });

  it('offers discovered keys, and without a terminal fails with the rkt trust advice', async () => {
    const setup = setupIn(await tempDir());
    const srv = await server();
    await site(setup, srv, 'ed');
    const r = await fetchIn(setup, ['--insecure-options=http,pubkey', `${srv.authority}/signed/app:1.0.0`]);
    expect(r.stderr).toContain(`gpg key fingerprint is: ${displayFingerprint(s.keys.ed.fpr)}`);
    expect(r.stderr).toContain(`fetch: no key is trusted for "${NAME}"`);
    expect(r.stderr).toContain(' - call rkt with --trust-keys-from-https\n');
    expect(r.stderr).toContain(` - run: rkt trust --prefix=${srv.authority}/signed/app\n`);
    expect(r.code).toBe(254);
    expect(srv.count(`/aci/${NAME}-1.0.0.aci`)).toBe(0);
    await expectNoImage(setup);
    expect(await readdir(join(setup.root, 'local')).catch(() => [])).toEqual([]);
  });

  it('--trust-keys-from-https trusts keys discovered over https for the name, then verifies', async () => {
    const setup = setupIn(await tempDir());
    const { srv, env } = await httpsServer(setup.root);
    const img = await site(setup, srv, 'rsa');
    const r = await fetchIn(setup, ['--trust-keys-from-https', `${srv.authority}/signed/app:1.0.0`], env);
    expect(r.stderr).toContain(
      `Trusting "${srv.url('/pubkeys/rsa.asc')}" for prefix "${NAME}" without fingerprint review.`,
    );
    expect(r.stdout).toBe(`${short(img.id)}\n`);
    expect(r.code).toBe(0);
    const stored = join(setup.root, 'local/trustedkeys/prefix.d', NAME, s.keys.rsa.fpr.toLowerCase());
    expect((await readFile(stored, 'utf8')).startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')).toBe(true);
    const again = await fetchIn(setup, [`${srv.authority}/signed/app:1.0.0`], env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });
});

describe('rkt trust without a key: ac-discovery-pubkeys', () => {
  it('discovers the keys of a prefix over https, walking up, and stores them', async () => {
    const setup = setupIn(await tempDir());
    const { srv, env } = await httpsServer(setup.root);
    srv.route('/keys.asc', file(await readFile(s.pub.ed)));
    srv.route('/team?ac-discovery=1', metaPage({ pubkeys: ['127.0.0.1/team', srv.url('/keys.asc')] }));
    const args = ['trust', ...setup.flags, `--prefix=${srv.authority}/team/app`, '--skip-fingerprint-review'];
    const r = await rkt(args, { env });
    expect(r.stderr).toContain(`gpg key fingerprint is: ${displayFingerprint(s.keys.ed.fpr)}`);
    expect(r.stdout).toContain(`Trusting "${srv.url('/keys.asc')}" for prefix "127.0.0.1/team/app" without`);
    expect(r.code).toBe(0);
    expect(srv.count('/team/app?ac-discovery=1')).toBe(1);
    const http = await server();
    const plain = await rkt([
      'trust',
      ...setup.flags,
      `--prefix=${http.authority}/x`,
      '--skip-fingerprint-review',
    ]);
    expect(plain.stderr).toMatch(/^trust: meta discovery found no keys for prefix "127.0.0.1\/x": /);
    expect(plain.code).toBe(254);
    expect(http.requests).toEqual([]);
  });
});
