import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKey, useKeystores, type TestKey } from '../test-keys.js';
import { keyringScopes, scopeDir, type KeySource, type KeystoreDirs } from './dirs.js';
import { loadKeyring } from './keyring.js';

const keystores = useKeystores();
let alice: TestKey;
let bob: TestKey;

beforeAll(async () => {
  [alice, bob] = await Promise.all([makeKey('Alice'), makeKey('Bob')]);
});

async function put(
  dirs: KeystoreDirs,
  source: KeySource,
  prefix: string | undefined,
  key: TestKey,
  content?: string,
) {
  const dir = scopeDir(source === 'system' ? dirs.systemConfig : dirs.localConfig, prefix);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, key.fingerprint), content ?? key.armored);
}

const names = async (dirs: KeystoreDirs, image: string) =>
  (await loadKeyring(dirs, image)).keys
    .map((k) => `${k.key.getUserIDs()[0]?.split(' ')[0]}@${k.source}:${k.prefix ?? '/'}`)
    .sort();

describe('keyringScopes', () => {
  it('orders root (system, local), then system prefixes, then local prefixes, shortest first', () => {
    const scopes = keyringScopes({ systemConfig: '/s', localConfig: '/l' }, 'a.com/b');
    expect(scopes.map((s) => s.dir)).toEqual([
      '/s/trustedkeys/root.d',
      '/l/trustedkeys/root.d',
      '/s/trustedkeys/prefix.d/a.com',
      '/s/trustedkeys/prefix.d/a.com/b',
      '/l/trustedkeys/prefix.d/a.com',
      '/l/trustedkeys/prefix.d/a.com/b',
    ]);
  });
});

describe('loadKeyring', () => {
  it('is empty for an empty or missing store', async () => {
    expect((await loadKeyring(await keystores(), 'example.com/app')).keys).toEqual([]);
  });

  it('takes root keys from both sources and prefix keys along the path of the name', async () => {
    const dirs = await keystores();
    await put(dirs, 'system', undefined, alice);
    await put(dirs, 'local', 'a.com/b', bob);
    expect(await names(dirs, 'a.com/b')).toEqual(['Alice@system:/', 'Bob@local:a.com/b']);
    expect(await names(dirs, 'a.com/b/c')).toEqual(['Alice@system:/', 'Bob@local:a.com/b']);
    expect(await names(dirs, 'a.com/bc')).toEqual(['Alice@system:/']);
    expect(await names(dirs, 'a.com')).toEqual(['Alice@system:/']);
  });

  it('lets local override system and an empty local file mask a system key', async () => {
    const dirs = await keystores();
    await put(dirs, 'system', undefined, alice);
    await put(dirs, 'system', 'a.com', bob);
    await put(dirs, 'local', 'a.com', bob);
    expect(await names(dirs, 'a.com/x')).toEqual(['Alice@system:/', 'Bob@local:a.com']);
    await put(dirs, 'local', undefined, alice, '');
    await put(dirs, 'local', 'a.com', bob, '');
    expect(await names(dirs, 'a.com/x')).toEqual([]);
  });

  it('applies a mask to every earlier scope: a local prefix mask hides a system root key there only', async () => {
    const dirs = await keystores();
    await put(dirs, 'system', undefined, alice);
    await put(dirs, 'local', 'a.com', alice, '');
    expect(await names(dirs, 'a.com/x')).toEqual([]);
    expect(await names(dirs, 'b.com/x')).toEqual(['Alice@system:/']);
  });

  it('ignores files not named by a fingerprint and refuses a key file that lies about its name', async () => {
    const dirs = await keystores();
    await put(dirs, 'local', undefined, alice);
    await writeFile(join(scopeDir(dirs.localConfig, undefined), 'README'), 'not a key');
    expect(await names(dirs, 'x.com')).toEqual(['Alice@local:/']);
    await put(dirs, 'local', 'x.com', bob, alice.armored);
    await expect(loadKeyring(dirs, 'x.com')).rejects.toMatchObject({ code: 'KEYSTORE_BAD_KEY' });
    await put(dirs, 'local', 'x.com', bob, 'garbage');
    await expect(loadKeyring(dirs, 'x.com')).rejects.toMatchObject({ code: 'KEYSTORE_BAD_KEY' });
  });

  it('refuses an invalid image name', async () => {
    await expect(loadKeyring(await keystores(), 'a/../../etc')).rejects.toMatchObject({
      code: 'INVALID_IMAGE_NAME',
    });
  });
});
