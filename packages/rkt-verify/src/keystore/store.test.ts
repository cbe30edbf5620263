import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeKey, useKeystores, type TestKey } from '../test-keys.js';
import { scopeDir } from './dirs.js';
import { listTrustedKeys } from './list.js';
import { removeTrustedKey, removeTrustedKeyEverywhere } from './remove.js';
import { storeTrustedKey } from './store.js';

const keystores = useKeystores();
let alice: TestKey;
let bob: TestKey;
let umask: number;

beforeAll(async () => {
  [alice, bob] = await Promise.all([makeKey('Alice'), makeKey('Bob', { subkey: true })]);
});
beforeEach(() => {
  umask = process.umask(0o077);
});
afterEach(() => {
  process.umask(umask);
});

describe('storeTrustedKey', () => {
  it('writes the armored key under local prefix.d, dirs 0755 and file 0644 whatever the umask', async () => {
    const dirs = await keystores();
    const path = await storeTrustedKey(dirs, 'example.com/app', alice.pub);
    expect(path).toBe(join(dirs.localConfig, 'trustedkeys/prefix.d/example.com/app', alice.fingerprint));
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    for (const d of ['', 'trustedkeys', 'trustedkeys/prefix.d', 'trustedkeys/prefix.d/example.com']) {
      expect((await stat(join(dirs.localConfig, d))).mode & 0o777).toBe(0o755);
    }
    expect(await readFile(path, 'utf8')).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(await storeTrustedKey(dirs, undefined, bob.pub)).toBe(
      join(dirs.localConfig, 'trustedkeys/root.d', bob.fingerprint),
    );
  });

  it('never writes outside the key store', async () => {
    await expect(storeTrustedKey(await keystores(), 'a/../../..', alice.pub)).rejects.toMatchObject({
      code: 'INVALID_PREFIX',
    });
  });
});

describe('listTrustedKeys', () => {
  it('lists each scope once, root first, local over system, masked keys left out', async () => {
    const dirs = await keystores();
    const sys = scopeDir(dirs.systemConfig, undefined);
    await mkdir(sys, { recursive: true });
    await writeFile(join(sys, alice.fingerprint), alice.armored);
    await writeFile(join(sys, bob.fingerprint), bob.armored);
    await storeTrustedKey(dirs, undefined, bob.pub);
    await storeTrustedKey(dirs, 'b.com/x', alice.pub);
    await storeTrustedKey(dirs, 'a.com', alice.pub);
    const rows = (await listTrustedKeys(dirs)).map(
      (k) => `${k.prefix ?? '(root)'} ${k.userIds[0]} ${k.source}`,
    );
    // Within a scope the order is by fingerprint, which differs from run to run.
    expect(rows.slice(0, 2).sort()).toEqual([
      '(root) Alice <alice@example.com> system',
      '(root) Bob <bob@example.com> local',
    ]);
    expect(rows.slice(2)).toEqual([
      'a.com Alice <alice@example.com> local',
      'b.com/x Alice <alice@example.com> local',
    ]);
    expect((await listTrustedKeys(dirs, { prefix: 'a.com' })).map((k) => k.fingerprint)).toEqual([
      alice.fingerprint,
    ]);
    expect(await listTrustedKeys(dirs, { root: true })).toHaveLength(2);
    const [bobInfo] = (await listTrustedKeys(dirs, { root: true })).filter(
      (k) => k.fingerprint === bob.fingerprint,
    );
    expect(bobInfo?.subkeyFingerprints).toHaveLength(2);
    await writeFile(join(scopeDir(dirs.localConfig, undefined), alice.fingerprint), '');
    expect((await listTrustedKeys(dirs, { root: true })).map((k) => k.fingerprint)).toEqual([
      bob.fingerprint,
    ]);
  });
});

describe('removeTrustedKey', () => {
  it('deletes a local key', async () => {
    const dirs = await keystores();
    const path = await storeTrustedKey(dirs, 'a.com', alice.pub);
    const r = await removeTrustedKey(dirs, 'a.com', alice.fingerprint.toUpperCase());
    expect(r).toEqual({
      fingerprint: alice.fingerprint,
      prefix: 'a.com',
      removed: path,
      masked: undefined,
      systemPath: undefined,
    });
    await expect(stat(path)).rejects.toThrow();
    await expect(removeTrustedKey(dirs, 'a.com', alice.fingerprint)).rejects.toMatchObject({
      code: 'KEY_NOT_TRUSTED',
    });
  });

  it('masks a system key with an empty local file, also when a local copy exists', async () => {
    const dirs = await keystores();
    const sys = scopeDir(dirs.systemConfig, undefined);
    await mkdir(sys, { recursive: true });
    await writeFile(join(sys, alice.fingerprint), alice.armored);
    await storeTrustedKey(dirs, undefined, alice.pub);
    const r = await removeTrustedKey(dirs, undefined, alice.pub.getKeyID().toHex());
    const mask = join(scopeDir(dirs.localConfig, undefined), alice.fingerprint);
    expect(r).toMatchObject({ removed: mask, masked: mask, systemPath: join(sys, alice.fingerprint) });
    expect((await stat(mask)).size).toBe(0);
    expect(await listTrustedKeys(dirs)).toEqual([]);
  });

  it('removes from every scope when none is given, and refuses junk references', async () => {
    const dirs = await keystores();
    await storeTrustedKey(dirs, 'a.com', alice.pub);
    await storeTrustedKey(dirs, undefined, alice.pub);
    await storeTrustedKey(dirs, undefined, bob.pub);
    const removed = await removeTrustedKeyEverywhere(dirs, alice.fingerprint);
    expect(removed.map((r) => r.prefix)).toEqual([undefined, 'a.com']);
    expect((await listTrustedKeys(dirs)).map((k) => k.fingerprint)).toEqual([bob.fingerprint]);
    await expect(removeTrustedKey(dirs, undefined, 'nope')).rejects.toMatchObject({
      code: 'KEY_NOT_TRUSTED',
    });
  });
});
