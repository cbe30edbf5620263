import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RktError } from '../errors.js';
import { loadConfig } from './load-config.js';
import { makeTempDir, removeTempDir, writeTree } from './test-tree.js';
import type { Tree } from './test-tree.js';

let root: string;
beforeEach(async () => {
  root = await makeTempDir('rkt-common-config-');
});
afterEach(async () => {
  await removeTempDir(root);
});

const system = () => join(root, 'usr-lib-rkt');
const local = () => join(root, 'etc-rkt');
const user = () => join(root, 'home-rkt');

async function load(trees: { system?: Tree; local?: Tree; user?: Tree }, withUser = true) {
  await writeTree(system(), trees.system ?? {});
  await writeTree(local(), trees.local ?? {});
  await writeTree(user(), trees.user ?? {});
  return loadConfig({ systemConfig: system(), localConfig: local(), userConfig: withUser ? user() : '' });
}

async function loadError(trees: { system?: Tree; local?: Tree; user?: Tree }): Promise<RktError> {
  const err: unknown = await load(trees).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RktError);
  return err as RktError;
}

const basic = (domains: string[], user: string) => ({
  rktKind: 'auth',
  rktVersion: 'v1',
  domains,
  type: 'basic',
  credentials: { user, password: 'pw' },
});

describe('loadConfig', () => {
  it('is empty when no config dir exists', async () => {
    const config = await loadConfig({
      systemConfig: join(root, 'none1'),
      localConfig: join(root, 'none2'),
      userConfig: '',
    });
    expect(config).toEqual({
      authPerHost: new Map(),
      dockerCredentialsPerRegistry: new Map(),
      paths: {},
      stage1: {},
    });
  });

  it('reads every kind', async () => {
    const config = await load({
      system: {
        'paths.d/paths.json': {
          rktKind: 'paths',
          rktVersion: 'v1',
          data: '/srv/rkt',
          'stage1-images': '/usr/lib/rkt/s1',
        },
        'stage1.d/s1.json': {
          rktKind: 'stage1',
          rktVersion: 'v1',
          name: 'coreos.com/rkt/stage1-fly',
          version: '1.30.0',
          location: 'https://example.com/stage1-fly.aci',
        },
        'auth.d/basic.json': basic(['example.com', 'example.org:8080'], 'bob'),
        'auth.d/oauth.json': {
          rktKind: 'auth',
          rktVersion: 'v1',
          domains: ['q.io'],
          type: 'oauth',
          credentials: { token: 't' },
        },
        'auth.d/aws.json': {
          rktKind: 'auth',
          rktVersion: 'v1',
          domains: ['s3.amazonaws.com'],
          type: 'aws',
          credentials: { accessKeyID: 'AK', secretAccessKey: 'SK', awsRegion: 'eu-west-1' },
        },
        'auth.d/docker.json': {
          rktKind: 'dockerAuth',
          rktVersion: 'v1',
          registries: ['registry-1.docker.io', 'quay.io'],
          credentials: { user: 'd', password: 'p' },
        },
      },
    });
    expect(config.paths).toEqual({ data: '/srv/rkt', stage1Images: '/usr/lib/rkt/s1' });
    expect(config.stage1).toEqual({
      name: 'coreos.com/rkt/stage1-fly',
      version: '1.30.0',
      location: 'https://example.com/stage1-fly.aci',
    });
    expect(Object.fromEntries(config.authPerHost)).toEqual({
      'example.com': { type: 'basic', credentials: { user: 'bob', password: 'pw' } },
      'example.org:8080': { type: 'basic', credentials: { user: 'bob', password: 'pw' } },
      'q.io': { type: 'oauth', credentials: { token: 't' } },
      's3.amazonaws.com': {
        type: 'aws',
        credentials: { accessKeyID: 'AK', secretAccessKey: 'SK', awsRegion: 'eu-west-1' },
      },
    });
    expect(Object.fromEntries(config.dockerCredentialsPerRegistry)).toEqual({
      'registry-1.docker.io': { user: 'd', password: 'p' },
      'quay.io': { user: 'd', password: 'p' },
    });
  });

  it('lets local override system and user override local, per domain and setting', async () => {
    const config = await load({
      system: {
        'auth.d/a.json': basic(['a.com', 'b.com'], 'system'),
        'paths.d/p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/system', 'stage1-images': '/s1' },
        'stage1.d/s.json': {
          rktKind: 'stage1',
          rktVersion: 'v1',
          name: 'sys',
          version: '1',
          location: '/sys.aci',
        },
      },
      local: {
        'auth.d/a.json': basic(['b.com'], 'local'),
        'paths.d/p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/local' },
        'stage1.d/s.json': { rktKind: 'stage1', rktVersion: 'v1', location: 'docker://stage1' },
      },
      user: {
        'auth.d/a.json': basic(['b.com'], 'user'),
        'stage1.d/s.json': { rktKind: 'stage1', rktVersion: 'v1', name: 'usr', version: '2' },
      },
    });
    expect(config.authPerHost.get('a.com')).toEqual({
      type: 'basic',
      credentials: { user: 'system', password: 'pw' },
    });
    expect(config.authPerHost.get('b.com')).toEqual({
      type: 'basic',
      credentials: { user: 'user', password: 'pw' },
    });
    expect(config.paths).toEqual({ data: '/local', stage1Images: '/s1' });
    expect(config.stage1).toEqual({ name: 'usr', version: '2', location: 'docker://stage1' });
  });

  it('ignores the user dir when it is ""', async () => {
    const config = await load(
      { user: { 'paths.d/p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/u' } } },
      false,
    );
    expect(config.paths).toEqual({});
  });

  it('reads only regular *.json files directly inside each subdir', async () => {
    await writeTree(root, {
      'elsewhere/p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/via-symlink' },
    });
    const config = await load({
      system: {
        'paths.d/notes.txt': 'not json at all',
        'paths.d/p.json.bak': 'not json either',
        'paths.d/nested/p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/nested' },
        'paths.d/link.json': { symlink: join(root, 'elsewhere/p.json') },
        'auth.d/dir.json/x.json': basic(['x.com'], 'x'),
        'p.json': { rktKind: 'paths', rktVersion: 'v1', data: '/top' },
      },
    });
    expect(config.paths).toEqual({});
    expect(config.authPerHost.size).toBe(0);
  });

  it('rejects a domain defined twice within one dir, naming the file', async () => {
    const err = await loadError({
      local: { 'auth.d/1.json': basic(['a.com'], 'one'), 'auth.d/2.json': basic(['a.com'], 'two') },
    });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.exitCode).toBe(254);
    expect(err.message).toBe(
      `invalid configuration file "${join(local(), 'auth.d/2.json')}": auth for domain "a.com" is already specified`,
    );
  });

  it.each([
    ['paths.d/p.json', '{"rktKind": "paths",', /Unexpected end of JSON input|JSON/],
    ['paths.d/p.json', '[1]', /the file must be a JSON object/],
    ['paths.d/p.json', { rktVersion: 'v1', data: '/x' }, /: no rktKind specified$/],
    ['paths.d/p.json', { rktKind: 'paths', data: '/x' }, /: no rktVersion specified$/],
    [
      'paths.d/p.json',
      { rktKind: 'auth', rktVersion: 'v1' },
      /: paths.d expects configuration of kind "paths", not "auth"$/,
    ],
    [
      'auth.d/p.json',
      { rktKind: 'paths', rktVersion: 'v1' },
      /: auth.d expects configuration of kind "auth", "dockerAuth", not "paths"$/,
    ],
    [
      'paths.d/p.json',
      { rktKind: 'paths', rktVersion: 'v2' },
      /no parser available for configuration of kind "paths" and version "v2"$/,
    ],
    [
      'paths.d/p.json',
      { rktKind: 'paths', rktVersion: 'v1', data: 'relative' },
      /data directory must be an absolute path$/,
    ],
    ['paths.d/p.json', { rktKind: 'paths', rktVersion: 'v1', data: 7 }, /"data" must be a string$/],
    [
      'stage1.d/s.json',
      { rktKind: 'stage1', rktVersion: 'v1', name: 'n' },
      /name specified, but version is missing$/,
    ],
    [
      'stage1.d/s.json',
      { rktKind: 'stage1', rktVersion: 'v1', version: '1' },
      /version specified, but name is missing$/,
    ],
    [
      'stage1.d/s.json',
      { rktKind: 'stage1', rktVersion: 'v1', location: 'rel/s1.aci' },
      /relative path or a URL without scheme$/,
    ],
    [
      'stage1.d/s.json',
      { rktKind: 'stage1', rktVersion: 'v1', location: 'ftp://x/s1.aci' },
      /invalid scheme "ftp", allowed schemes are "docker", "file", "http", "https"$/,
    ],
    ['auth.d/a.json', { rktKind: 'auth', rktVersion: 'v1', type: 'basic' }, /: no domains specified$/],
    ['auth.d/a.json', { rktKind: 'auth', rktVersion: 'v1', domains: ['a'] }, /: no auth type specified$/],
    [
      'auth.d/a.json',
      { rktKind: 'auth', rktVersion: 'v1', domains: ['a'], type: 'kerberos' },
      /: unknown auth type: "kerberos"$/,
    ],
    [
      'auth.d/a.json',
      { rktKind: 'auth', rktVersion: 'v1', domains: ['a'], type: 'basic' },
      /: no credentials$/,
    ],
    [
      'auth.d/a.json',
      { ...basic(['a'], ''), credentials: { user: '', password: 'p' } },
      /: user not specified$/,
    ],
    ['auth.d/a.json', { ...basic(['a'], 'u'), credentials: { user: 'u' } }, /: password not specified$/],
    [
      'auth.d/a.json',
      { rktKind: 'auth', rktVersion: 'v1', domains: 'a.com', type: 'basic' },
      /"domains" must be an array of strings$/,
    ],
    [
      'auth.d/a.json',
      { rktKind: 'auth', rktVersion: 'v1', domains: ['a'], type: 'oauth', credentials: {} },
      /no oauth bearer token specified$/,
    ],
    [
      'auth.d/a.json',
      { rktKind: 'auth', rktVersion: 'v1', domains: ['a'], type: 'aws', credentials: { accessKeyID: 'k' } },
      /no AWS Secret Access Key specified$/,
    ],
    [
      'auth.d/d.json',
      { rktKind: 'dockerAuth', rktVersion: 'v1', credentials: { user: 'u', password: 'p' } },
      /no registries specified$/,
    ],
  ])('rejects %s = %j', async (path, content, message) => {
    const err = await loadError({ system: { [path]: content } });
    expect(err.message).toContain(join(system(), path));
    expect(err.message).toMatch(message);
  });

  it('rejects data defined twice in one dir but not across dirs', async () => {
    const p = (data: string) => ({ rktKind: 'paths', rktVersion: 'v1', data });
    const err = await loadError({ system: { 'paths.d/a.json': p('/a'), 'paths.d/b.json': p('/b') } });
    expect(err.message).toMatch(/b\.json": data directory is already specified$/);
  });

  it('rejects a config dir that is a file', async () => {
    await writeTree(root, { 'afile/paths.d': 'x' });
    await expect(
      loadConfig({ systemConfig: join(root, 'afile'), localConfig: join(root, 'none'), userConfig: '' }),
    ).rejects.toThrow(`expected "${join(root, 'afile/paths.d')}" to be a directory`);
  });
});
