import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { openpgp } from '../pgp.js';
import { makeKey, sign, type TestKey } from '../test-keys.js';
import { verifySignature } from './verify-signature.js';

const DAY = 86_400_000;
const data = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
const stream = (bytes: Uint8Array = data) => Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]);

let alice: TestKey;
let bob: TestKey;
let withSubkey: TestKey;

beforeAll(async () => {
  [alice, bob, withSubkey] = await Promise.all([
    makeKey('Alice'),
    makeKey('Bob'),
    makeKey('Sub', { subkey: true }),
  ]);
});

describe('verifySignature', () => {
  it('accepts armored and binary signatures and names the signer', async () => {
    for (const armored of [true, false]) {
      const sig = await sign(data, alice.priv, { armored });
      const signer = await verifySignature(stream(), sig, [bob.pub, alice.pub]);
      expect(signer).toMatchObject({
        fingerprint: alice.fingerprint,
        signingKeyFingerprint: alice.fingerprint,
        keyId: alice.pub.getKeyID().toHex(),
        userIds: ['Alice <alice@example.com>'],
      });
      expect(signer.created).toBeInstanceOf(Date);
    }
  });

  it('accepts a signature made by a valid signing subkey', async () => {
    const signer = await verifySignature(stream(), await sign(data, withSubkey.priv), [withSubkey.pub]);
    expect(signer.fingerprint).toBe(withSubkey.fingerprint);
    expect(signer.signingKeyFingerprint).not.toBe(withSubkey.fingerprint);
    expect(withSubkey.pub.subkeys.map((s) => s.getFingerprint())).toContain(signer.signingKeyFingerprint);
  });

  it('streams data larger than any chunk', async () => {
    const big = new Uint8Array(8 << 20).map((_, i) => i & 0xff);
    const chunks = Array.from({ length: 128 }, (_, i) => big.subarray(i << 16, (i + 1) << 16));
    const signer = await verifySignature(Readable.from(chunks), await sign(big, alice.priv), [alice.pub]);
    expect(signer.fingerprint).toBe(alice.fingerprint);
  });

  it('refuses tampered data', async () => {
    const sig = await sign(data, alice.priv);
    const tampered = Uint8Array.from(data);
    tampered[12345] = (tampered[12345] ?? 0) ^ 1;
    await expect(verifySignature(stream(tampered), sig, [alice.pub])).rejects.toMatchObject({
      code: 'SIGNATURE_DIGEST_MISMATCH',
      message: expect.stringContaining('signed digest did not match'),
    });
  });

  it('refuses a tampered signature', async () => {
    const sig = Uint8Array.from((await sign(data, alice.priv, { armored: false })) as Uint8Array);
    sig[sig.length - 3] = (sig[sig.length - 3] ?? 0) ^ 0x10;
    await expect(verifySignature(stream(), sig, [alice.pub])).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
  });

  it.each([
    ['empty', ''],
    ['garbage text', 'this is not a signature\n'],
    ['bad armor', '-----BEGIN PGP SIGNATURE-----\n\n!!!!\n-----END PGP SIGNATURE-----\n'],
    ['garbage bytes', new Uint8Array([1, 2, 3, 4, 5])],
  ])('refuses %s as NO_SIGNATURE', async (_, sig) => {
    await expect(verifySignature(stream(), sig, [alice.pub])).rejects.toMatchObject({ code: 'NO_SIGNATURE' });
  });

  it('refuses an unknown signer before reading any data', async () => {
    const input = stream();
    const err = await verifySignature(input, await sign(data, bob.priv), [alice.pub]).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      code: 'SIGNATURE_UNTRUSTED_KEY',
      issuerKeyId: bob.pub.getKeyID().toHex(),
      issuerFingerprint: bob.fingerprint,
    });
    expect(input.readableDidRead).toBe(false);
  });

  it('refuses a key that has expired since it signed', async () => {
    const then = new Date(Date.now() - 10 * DAY);
    const old = await makeKey('Old', { date: then, expiresIn: 86_400 });
    const sig = await sign(data, old.priv, { date: new Date(then.getTime() + 60_000) });
    await expect(verifySignature(stream(), sig, [old.pub])).rejects.toMatchObject({
      code: 'KEY_EXPIRED',
      message: expect.stringMatching(/^key [0-9A-F ]+ expired on /),
    });
    const signer = await verifySignature(stream(), sig, [old.pub], {
      now: new Date(then.getTime() + 120_000),
    });
    expect(signer.fingerprint).toBe(old.fingerprint);
  });

  it('refuses a revoked key', async () => {
    const gone = await makeKey('Gone', { date: new Date(Date.now() - DAY) });
    const sig = await sign(data, gone.priv, { date: new Date(Date.now() - 60_000) });
    const pgp = await openpgp();
    const { publicKey } = await pgp.revokeKey({ key: gone.priv, format: 'object' });
    await expect(verifySignature(stream(), sig, [publicKey])).rejects.toMatchObject({
      code: 'KEY_REVOKED',
      message: expect.stringContaining('has been revoked'),
    });
  });
});
