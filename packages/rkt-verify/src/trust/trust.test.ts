import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listTrustedKeys } from '../keystore/list.js';
import { makeKey, useKeystores, type TestKey } from '../test-keys.js';
import { trustKeys, type KeyCandidate, type TrustOptions } from './trust.js';

const keystores = useKeystores();
let alice: TestKey;
let bob: TestKey;
const servers: Server[] = [];

beforeAll(async () => {
  [alice, bob] = await Promise.all([makeKey('Alice'), makeKey('Bob')]);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Records what trustKeys told its user; `answers` are the review answers in order. */
function recorder(answers: boolean[] = []) {
  const events: string[] = [];
  const hooks = {
    show: (c: KeyCandidate) =>
      events.push(`show ${c.keys.map((k) => k.userIds[0]).join(',')} ${c.problems.join(';')}`.trim()),
    confirm: async () => {
      events.push('confirm');
      return answers.shift() ?? false;
    },
    accepted: (_: KeyCandidate, reviewed: boolean) => events.push(`accepted reviewed=${reviewed}`),
    declined: () => events.push('declined'),
    stored: (_: KeyCandidate, path: string) => events.push(`stored ${path.split('/').slice(-3).join('/')}`),
  };
  return { events, hooks };
}

async function options(over: Partial<TrustOptions>): Promise<TrustOptions> {
  return {
    dirs: await keystores(),
    prefix: 'example.com',
    locations: [],
    skipFingerprintReview: false,
    trustKeysFromHttps: false,
    insecureAllowHttp: false,
    skipTlsVerify: false,
    hooks: recorder().hooks,
    ...over,
  };
}

async function keyFile(dirs: TrustOptions['dirs'], name: string, content: string): Promise<string> {
  const path = join(dirs.localConfig, '..', name);
  await writeFile(path, content);
  return path;
}

async function serve(body: string, status = 200): Promise<string> {
  const server = createServer((_, res) => {
    res.writeHead(status).end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/key.asc`;
}

describe('trustKeys', () => {
  it('shows, asks, and stores an accepted key; a declined one is left out', async () => {
    const o = await options({});
    const { events, hooks } = recorder([true, false]);
    const a = await keyFile(o.dirs, 'a.asc', alice.armored);
    const b = await keyFile(o.dirs, 'b.asc', bob.armored);
    const out = await trustKeys({ ...o, hooks, locations: [a, b] });
    expect(events).toEqual([
      'show Alice <alice@example.com>',
      'confirm',
      'accepted reviewed=true',
      `stored prefix.d/example.com/${alice.fingerprint}`,
      'show Bob <bob@example.com>',
      'confirm',
      'declined',
    ]);
    expect(out.map((x) => x.accepted)).toEqual([true, false]);
    expect((await listTrustedKeys(o.dirs)).map((k) => k.fingerprint)).toEqual([alice.fingerprint]);
  });

  it('skips the review when told to, and stores root keys', async () => {
    const o = await options({ prefix: undefined, skipFingerprintReview: true });
    const { events, hooks } = recorder();
    await trustKeys({ ...o, hooks, locations: [await keyFile(o.dirs, 'a.asc', alice.armored)] });
    expect(events).toEqual([
      'show Alice <alice@example.com>',
      'accepted reviewed=false',
      `stored trustedkeys/root.d/${alice.fingerprint}`,
    ]);
  });

  it('stores each key of a file with several, and warns about a revoked one', async () => {
    const o = await options({ skipFingerprintReview: true });
    const { events, hooks } = recorder();
    const { openpgp } = await import('../pgp.js');
    const { publicKey } = await (await openpgp()).revokeKey({ key: bob.priv, format: 'object' });
    await trustKeys({
      ...o,
      hooks,
      locations: [await keyFile(o.dirs, 'ab.asc', alice.armored + publicKey.armor())],
    });
    expect(events[0]).toMatch(
      /^show Alice <alice@example.com>,Bob <bob@example.com> key [0-9A-F ]+ has been revoked$/,
    );
    expect(events.filter((e) => e.startsWith('stored'))).toHaveLength(2);
  });

  it.each([
    ['a private key', async () => alice.priv.armor(), 'NOT_A_PUBLIC_KEY'],
    ['garbage', async () => 'hello', 'NOT_A_KEY'],
    [
      'an armored non-key',
      async () => '-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n',
      'NOT_A_KEY',
    ],
  ])('refuses %s', async (_, content, code) => {
    const o = await options({ skipFingerprintReview: true });
    await expect(
      trustKeys({ ...o, locations: [await keyFile(o.dirs, 'k', await content())] }),
    ).rejects.toMatchObject({ code });
    expect(await listTrustedKeys(o.dirs)).toEqual([]);
  });

  it('gets keys over http only when allowed', async () => {
    const url = await serve(alice.armored);
    const o = await options({ skipFingerprintReview: true, locations: [url] });
    await expect(trustKeys(o)).rejects.toMatchObject({ code: 'KEY_INSECURE_HTTP' });
    const out = await trustKeys({ ...o, insecureAllowHttp: true });
    expect(out[0]?.paths).toHaveLength(1);
    const missing = await serve('nope', 404);
    await expect(trustKeys({ ...o, insecureAllowHttp: true, locations: [missing] })).rejects.toMatchObject({
      code: 'KEY_FETCH_FAILED',
      message: expect.stringContaining('HTTP status 404'),
    });
  });

  it('refuses other schemes and missing files', async () => {
    const o = await options({ skipFingerprintReview: true });
    await expect(trustKeys({ ...o, locations: ['ftp://example.com/k'] })).rejects.toMatchObject({
      code: 'KEY_LOCATION_UNSUPPORTED',
    });
    await expect(trustKeys({ ...o, locations: ['/nonexistent/key.asc'] })).rejects.toMatchObject({
      code: 'KEY_READ_FAILED',
    });
  });

  it('discovers keys through the injected hook, which is unsupported by default', async () => {
    const o = await options({ skipFingerprintReview: true });
    await expect(trustKeys(o)).rejects.toMatchObject({ code: 'DISCOVERY_UNSUPPORTED' });
    const url = await serve(alice.armored);
    const seen: string[] = [];
    const discoverPubkeys = async (prefix: string) => {
      seen.push(prefix);
      return [url];
    };
    await trustKeys({ ...o, insecureAllowHttp: true, discoverPubkeys });
    expect(seen).toEqual(['example.com']);
    await expect(trustKeys({ ...o, prefix: undefined })).rejects.toMatchObject({ code: 'TRUST_NO_SCOPE' });
  });
});
