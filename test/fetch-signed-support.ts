// Shared by the signed fetch and run tests: keys made by gpg once per file (RSA; Ed25519 with a
// signing subkey; a stranger; one expired; one revoked), detached signatures made by gpg, and a
// fresh data dir with its own system and local config per test.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { FAST_ENV, listImages } from './fetch-support.js';
import { Gpg, type GpgKey, type SignOptions } from './helpers/gpg.js';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';

export type KeyName = 'rsa' | 'ed' | 'stranger' | 'old' | 'revoked';

export interface Signers {
  gpg: Gpg;
  /** a directory for this file's signed copies */
  work: string;
  keys: Record<KeyName, GpgKey>;
  /** armored public key files */
  pub: Record<KeyName, string>;
  /** a detached signature of `file` by `key` into `out` (the old key signs while it was valid) */
  sign(key: KeyName, file: string, out: string, opts?: SignOptions): Promise<Buffer>;
}

/** Keys for the whole file, made before its tests and removed (agent killed) after them. */
export function useSigners(): Signers {
  const s = { keys: {}, pub: {} } as Signers;
  beforeAll(async () => {
    s.gpg = await Gpg.create();
    s.work = await mkdtemp(join(tmpdir(), 'rkt-e2e-signed-'));
    const { gpg } = s;
    s.keys.rsa = await gpg.genRsa('RSA Signer', 'rsa@example.com');
    s.keys.ed = await gpg.addSigningSubkey(await gpg.genEd25519('Ed Signer', 'ed@example.com'));
    s.keys.stranger = await gpg.genEd25519('Stranger', 'stranger@example.com');
    s.keys.old = await gpg.genEd25519('Old Signer', 'old@example.com', {
      expire: '1d',
      time: '20200101T000000!',
    });
    s.keys.revoked = await gpg.genEd25519('Revoked Signer', 'revoked@example.com');
    // gpg refuses to sign with a revoked key: the test images are signed before the revocation.
    const revokedSigs = new Map<string, Buffer>();
    for (const image of ['busybox', 'worker'] as const) {
      const file = testImages()[image].path;
      const out = join(s.work, `${image}.revoked.asc`);
      await gpg.sign(s.keys.revoked, file, out);
      revokedSigs.set(digest(await readFile(file)), await readFile(out));
    }
    await gpg.revoke(s.keys.revoked);
    for (const [name, key] of Object.entries(s.keys)) {
      s.pub[name as KeyName] = await gpg.exportPublic(key, join(s.work, `${name}.pub`));
    }
    s.sign = async (key, file, out, opts = {}) => {
      const presigned = key === 'revoked' ? revokedSigs.get(digest(await readFile(file))) : undefined;
      if (presigned !== undefined) {
        await writeFile(out, presigned);
        return presigned;
      }
      const time = key === 'old' ? { time: '20200101T120000!' } : {};
      await gpg.sign(s.keys[key], file, out, { ...time, ...opts });
      return readFile(out);
    };
  }, 120_000);
  afterAll(async () => {
    await s.gpg?.close();
    if (s.work) await rm(s.work, { recursive: true, force: true });
  });
  return s;
}

export interface Setup {
  root: string;
  data: string;
  /** --dir, --system-config, --local-config */
  flags: string[];
}

/** A data dir and config dirs under `root`. */
export function setupIn(root: string): Setup {
  const data = join(root, 'data');
  const flags = [
    `--dir=${data}`,
    `--system-config=${join(root, 'system')}`,
    `--local-config=${join(root, 'local')}`,
  ];
  return { root, data, flags };
}

/** `rkt trust --prefix=PREFIX --skip-fingerprint-review KEY`, which must succeed. */
export async function trust(setup: Setup, prefix: string, pubFile: string): Promise<void> {
  const r = await rkt(['trust', ...setup.flags, `--prefix=${prefix}`, '--skip-fingerprint-review', pubFile]);
  expect(r.code, r.stderr).toBe(0);
}

/** A copy of a test image (`busybox`, `worker`) as `<dir>/<file>`, with `key`'s signature next to it. */
export async function signedCopy(
  s: Signers,
  dir: string,
  image: 'busybox' | 'worker',
  key: KeyName,
  file = `${image}.aci`,
): Promise<{ path: string; asc: string; bytes: Buffer; sig: Buffer }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, file);
  await copyFile(testImages()[image].path, path);
  const asc = `${path}.asc`;
  const sig = await s.sign(key, path, asc);
  return { path, asc, bytes: await readFile(path), sig };
}

/** A signature with one bit of its signature value flipped (armor kept valid). */
export async function tamperedSignature(s: Signers, file: string, key: KeyName, out: string): Promise<void> {
  const binary = await s.sign(key, file, `${out}.bin`, { armor: false });
  binary[binary.length - 3] = (binary[binary.length - 3] ?? 0) ^ 0x10;
  await writeFile(out, binary);
}

/** Image names in the store, for "nothing was recorded" checks. */
export async function storedNames(setup: Setup): Promise<string[]> {
  return (await listImages(setup.data).catch(() => [])).map((i) => i.name);
}

/** `rkt image list` must not show any image. */
export async function expectNoImage(setup: Setup): Promise<void> {
  const list = await rkt([...setup.flags, 'image', 'list', '--no-legend'], { env: FAST_ENV });
  expect(list.stdout).toBe('');
  expect(await storedNames(setup)).toEqual([]);
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
