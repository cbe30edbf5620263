import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyID, PrivateKey, PublicKey } from 'openpgp';
import { afterEach } from 'vitest';
import type { KeystoreDirs } from './keystore/dirs.js';
import { openpgp } from './pgp.js';

/** Helpers for unit tests: keys made in-process (ed25519, fast) and temp key stores. */
export interface TestKey {
  priv: PrivateKey;
  pub: PublicKey;
  armored: string;
  fingerprint: string;
}

export async function makeKey(
  name: string,
  options: { date?: Date; expiresIn?: number; subkey?: boolean } = {},
): Promise<TestKey> {
  const pgp = await openpgp();
  const { privateKey, publicKey } = await pgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '')}@example.com` }],
    format: 'object',
    ...(options.date ? { date: options.date } : {}),
    ...(options.expiresIn ? { keyExpirationTime: options.expiresIn } : {}),
    ...(options.subkey ? { subkeys: [{}, { sign: true }] } : {}),
  });
  return {
    priv: privateKey,
    pub: publicKey,
    armored: publicKey.armor(),
    fingerprint: publicKey.getFingerprint(),
  };
}

export async function sign(
  data: Uint8Array,
  key: PrivateKey,
  options: { armored?: boolean; date?: Date; signingKeyIDs?: KeyID[] } = {},
): Promise<string | Uint8Array> {
  const pgp = await openpgp();
  const message = await pgp.createMessage({ binary: data });
  const common = {
    message,
    signingKeys: key,
    detached: true,
    ...(options.date ? { date: options.date } : {}),
    ...(options.signingKeyIDs ? { signingKeyIDs: options.signingKeyIDs } : {}),
  };
  if (options.armored === false) return pgp.sign({ ...common, format: 'binary' });
  return pgp.sign({ ...common, format: 'armored' });
}

/** A fresh pair of config dirs per call, removed after the test. */
export function useKeystores(): () => Promise<KeystoreDirs> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rkt-verify-unit-'));
    made.push(dir);
    return { systemConfig: join(dir, 'system'), localConfig: join(dir, 'local') };
  };
}
