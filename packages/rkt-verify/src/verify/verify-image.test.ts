import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKeyring } from '../keystore/keyring.js';
import { storeTrustedKey } from '../keystore/store.js';
import { makeKey, sign, useKeystores, type TestKey } from '../test-keys.js';
import { verifyImage } from './verify-image.js';

const keystores = useKeystores();
const data = new TextEncoder().encode('an image');
let alice: TestKey;
let bob: TestKey;

beforeAll(async () => {
  [alice, bob] = await Promise.all([makeKey('Alice'), makeKey('Bob')]);
});

describe('verifyImage', () => {
  it('reports the signer and the trust entry that accepted it', async () => {
    const dirs = await keystores();
    await storeTrustedKey(dirs, 'example.com', alice.pub);
    const info = await verifyImage(
      Readable.from([data]),
      await sign(data, alice.priv),
      await loadKeyring(dirs, 'example.com/app'),
    );
    expect(info).toMatchObject({
      imageName: 'example.com/app',
      fingerprint: alice.fingerprint,
      trust: { prefix: 'example.com', source: 'local' },
    });
  });

  it('says which prefixes trust a key that is not trusted for this image', async () => {
    const dirs = await keystores();
    await storeTrustedKey(dirs, 'other.com', alice.pub);
    await storeTrustedKey(dirs, 'example.com/ap', alice.pub);
    const err = await verifyImage(
      Readable.from([data]),
      await sign(data, alice.priv),
      await loadKeyring(dirs, 'example.com/app'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'SIGNATURE_KEY_OTHER_PREFIX',
      message: expect.stringMatching(/which is trusted only for prefixes "example.com\/ap", "other.com"$/),
      hint: 'To trust it for "example.com/app" too, run: rkt trust --prefix=example.com/app <keyfile>',
    });
  });

  it('names an unknown signer by fingerprint and key ID, with the rkt trust command', async () => {
    const dirs = await keystores();
    await storeTrustedKey(dirs, undefined, alice.pub);
    const err = await verifyImage(
      Readable.from([data]),
      await sign(data, bob.priv),
      await loadKeyring(dirs, 'example.com/app'),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'SIGNATURE_UNTRUSTED_KEY',
      exitCode: 254,
      hint: 'If you trust the signer, add its public key and retry: rkt trust --prefix=example.com/app <keyfile>',
    });
    const message = (err as Error).message;
    expect(message).toContain(bob.pub.getKeyID().toHex().toUpperCase());
    expect(message).not.toContain('\n');
  });
});
