import { appendFile, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectNoImage,
  setupIn,
  signedCopy,
  storedNames,
  tamperedSignature,
  trust,
  useSigners,
  type KeyName,
  type Setup,
} from './fetch-signed-support.js';
import { FAST_ENV, short } from './fetch-support.js';
import { displayFingerprint } from './helpers/gpg.js';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-fetch-signed-');
const s = useSigners();
const NAME = 'example.com/busybox';

/** A fresh setup trusting `key` for `prefix`, and busybox signed by `signer`. */
async function prepared(key: KeyName | undefined, signer: KeyName, prefix = 'example.com') {
  const setup = setupIn(await tempDir());
  if (key !== undefined) await trust(setup, prefix, s.pub[key]);
  const image = await signedCopy(s, join(setup.root, 'images'), 'busybox', signer);
  return { setup, image };
}

const fetchIn = (setup: Setup, args: string[]) => rkt([...setup.flags, 'fetch', ...args], { env: FAST_ENV });

describe('rkt fetch of a signed file', () => {
  it.each([['rsa'], ['ed']] as const)('verifies a %s signature found next to the file', async (key) => {
    const { setup, image } = await prepared(key, key);
    const r = await fetchIn(setup, [image.path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${short(testImages().busybox.id)}\n`);
    expect(await storedNames(setup)).toEqual([NAME]);
  });

  it('verifies a signature made by the primary key of a key with a signing subkey, and a binary one', async () => {
    const { setup, image } = await prepared('ed', 'ed');
    const primary = join(setup.root, 'primary.asc');
    await s.sign('ed', image.path, primary, { primary: true });
    expect((await fetchIn(setup, [image.path, `--signature=${primary}`])).code).toBe(0);
    const binary = join(setup.root, 'binary.sig');
    await s.sign('rsa', image.path, binary, { armor: false });
    await trust(setup, 'example.com', s.pub.rsa);
    const r = await fetchIn(setup, [image.path, `--signature=${binary}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails without a signature, naming the path it looked for', async () => {
    const { setup, image } = await prepared('rsa', 'rsa');
    const bare = join(setup.root, 'bare.aci');
    await copyFile(image.path, bare);
    const r = await fetchIn(setup, [bare]);
    expect(r.stderr).toBe(`fetch: open ${bare}.asc: no such file or directory\n`);
    expect(r.code).toBe(254);
    await expectNoImage(setup);
  });

  it('names an untrusted signer by fingerprint, with the rkt trust command', async () => {
    const { setup, image } = await prepared('rsa', 'stranger');
    const r = await fetchIn(setup, [image.path]);
    expect(r.stderr).toContain(`signed by key ${displayFingerprint(s.keys.stranger.fpr)}`);
    expect(r.stderr).toContain(`which is not trusted for "${NAME}"`);
    expect(r.stderr).toContain(`rkt trust --prefix=${NAME} <keyfile>`);
    expect(r.code).toBe(254);
    await expectNoImage(setup);
  });

  it('names the signer even when no key at all is trusted', async () => {
    const { setup, image } = await prepared(undefined, 'ed');
    const r = await fetchIn(setup, [image.path]);
    // gpg signed with the subkey: the signature names it, and nothing else is known of the key.
    expect(r.stderr).toContain(`signed by key ${displayFingerprint(s.keys.ed.subFpr ?? '')}`);
    expect(r.code).toBe(254);
    await expectNoImage(setup);
  });

  it('refuses a key trusted for another prefix, saying which', async () => {
    const { setup, image } = await prepared('rsa', 'rsa', 'example.org');
    const r = await fetchIn(setup, [image.path]);
    expect(r.stderr).toContain('which is trusted only for prefix "example.org"');
    expect(r.stderr).toContain(`To trust it for "${NAME}" too, run: rkt trust --prefix=${NAME} <keyfile>`);
    expect(r.code).toBe(254);
    await expectNoImage(setup);
  });

  it('refuses a prefix that only shares characters with the name', async () => {
    const { setup, image } = await prepared('rsa', 'rsa', 'example.com/busy');
    expect((await fetchIn(setup, [image.path])).code).toBe(254);
    await expectNoImage(setup);
  });

  it('refuses a tampered image (bytes appended) and the signature of another image', async () => {
    const { setup, image } = await prepared('rsa', 'rsa');
    await appendFile(image.path, Buffer.alloc(512));
    const r = await fetchIn(setup, [image.path]);
    expect(r.stderr).toBe(
      `fetch: ${image.path}: the data does not match its signature (signed digest did not match): it was modified, or the signature is for other data\n`,
    );
    expect(r.code).toBe(254);
    const other = await signedCopy(s, join(setup.root, 'other'), 'worker', 'rsa');
    const swapped = await fetchIn(setup, [testImages().busybox.path, `--signature=${other.asc}`]);
    expect(swapped.stderr).toContain('signed digest did not match');
    expect(swapped.code).toBe(254);
    await expectNoImage(setup);
  });

  it('refuses a tampered signature and garbage armor, each in its own words', async () => {
    const { setup, image } = await prepared('rsa', 'rsa');
    await tamperedSignature(s, image.path, 'rsa', image.asc);
    const bad = await fetchIn(setup, [image.path]);
    expect(bad.stderr).toMatch(new RegExp(`^fetch: ${image.path}: the signature is invalid or damaged: `));
    expect(bad.code).toBe(254);
    await writeFile(image.asc, '-----BEGIN PGP SIGNATURE-----\n\n!!!!\n-----END PGP SIGNATURE-----\n');
    const garbage = await fetchIn(setup, [image.path]);
    expect(garbage.stderr).toMatch(
      new RegExp(`^fetch: cannot verify the signature of ${image.path}: not an OpenPGP signature`),
    );
    expect(garbage.stderr).toContain('use --insecure-options=image');
    expect(garbage.code).toBe(254);
    await expectNoImage(setup);
  });

  it.each([
    ['old', 'KEY_EXPIRED', /expired on 2020-01-02/],
    ['revoked', 'KEY_REVOKED', /has been revoked/],
  ] as const)('refuses a signature by the %s key', async (key, code, message) => {
    const { setup, image } = await prepared(key, key);
    const r = await fetchIn(setup, ['--format=json', image.path]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code, message: expect.stringMatching(message) } });
    await expectNoImage(setup);
  });

  it('skips every check with --insecure-options=image', async () => {
    const { setup } = await prepared(undefined, 'stranger');
    const r = await fetchIn(setup, ['--insecure-options=image', testImages().busybox.path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
