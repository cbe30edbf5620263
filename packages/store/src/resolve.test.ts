import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImageArg } from './image-arg.js';
import { Store } from './store.js';
import { buildAci, fakeKey, putFakeRecord, removeTempDirs, streamOf, tempDir } from './test-helpers.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = tempDir();
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await removeTempDirs();
});

describe('resolveKey', () => {
  it('resolves a unique prefix, case-insensitively, cutting long IDs to the key', async () => {
    const a = putFakeRecord(dir, { key: fakeKey('ab12') });
    putFakeRecord(dir, { key: fakeKey('ab34') });
    expect(await store.resolveKey('sha512-ab1')).toBe(a.key);
    expect(await store.resolveKey('sha512-AB12')).toBe(a.key);
    expect(await store.resolveKey(a.id)).toBe(a.key);
  });

  it('reports ambiguous, unknown and malformed prefixes', async () => {
    putFakeRecord(dir, { key: fakeKey('ab12') });
    putFakeRecord(dir, { key: fakeKey('ab34') });
    await expect(store.resolveKey('sha512-ab')).rejects.toMatchObject({
      code: 'IMAGE_AMBIGUOUS',
      message: 'ambiguous image ID prefix "sha512-ab": 2 matches',
    });
    await expect(store.resolveKey('sha512-cd')).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
      message: 'no image found matching ID prefix "sha512-cd"',
    });
    for (const bad of ['sha512-a', 'sha256-abcd', 'abcd', 'sha512-zz']) {
      await expect(store.resolveKey(bad)).rejects.toMatchObject({ code: 'IMAGE_ID_INVALID' });
    }
  });
});

describe('findImage', () => {
  const v = (value: string) => ({ name: 'version', value });
  const linux = { name: 'os', value: 'linux' };

  it('requires every requested label and the exact name', async () => {
    putFakeRecord(dir, { key: fakeKey('01'), name: 'example.com/a', labels: [v('1'), linux] });
    putFakeRecord(dir, { key: fakeKey('02'), name: 'example.com/a', labels: [v('2')] });
    putFakeRecord(dir, { key: fakeKey('03'), name: 'example.com/ab', labels: [v('1'), linux] });
    expect((await store.findImage('example.com/a', [v('1')]))?.key).toBe(fakeKey('01'));
    expect((await store.findImage('example.com/a', [linux, v('1')]))?.key).toBe(fakeKey('01'));
    expect(await store.findImage('example.com/a', [linux, v('2')])).toBeUndefined();
    expect(await store.findImage('example.com/b')).toBeUndefined();
  });

  it('prefers latest without a version, then the newest import', async () => {
    putFakeRecord(dir, {
      key: fakeKey('01'),
      name: 'example.com/a',
      labels: [v('1')],
      latest: true,
      importTime: 1,
    });
    putFakeRecord(dir, { key: fakeKey('02'), name: 'example.com/a', labels: [v('2')], importTime: 5 });
    putFakeRecord(dir, {
      key: fakeKey('03'),
      name: 'example.com/a',
      labels: [v('3')],
      latest: true,
      importTime: 3,
    });
    expect((await store.findImage('example.com/a'))?.key).toBe(fakeKey('03'));
    expect((await store.findImage('example.com/a', [v('2')]))?.key).toBe(fakeKey('02'));
  });

  it('with a version requested, only the newest import counts', async () => {
    putFakeRecord(dir, {
      key: fakeKey('01'),
      name: 'example.com/a',
      labels: [v('1')],
      latest: true,
      importTime: 1,
    });
    putFakeRecord(dir, { key: fakeKey('02'), name: 'example.com/a', labels: [v('1')], importTime: 2 });
    expect((await store.findImage('example.com/a', [v('1')]))?.key).toBe(fakeKey('02'));
    expect((await store.findImage('example.com/a'))?.key).toBe(fakeKey('01'));
  });

  it('finds imported images by name', async () => {
    const aci = await buildAci({ name: 'example.com/real', labels: [v('0.1')] });
    await store.importImage(streamOf(aci.bytes), { latest: true });
    expect((await store.findImage('example.com/real', [v('0.1')]))?.key).toBe(aci.key);
  });
});

describe('parseImageArg', () => {
  it.each([
    ['example.com/a', 'example.com/a', []],
    ['example.com/a:1.0', 'example.com/a', [['version', '1.0']]],
    [
      'example.com/a:1.0,os=linux,arch=amd64',
      'example.com/a',
      [
        ['version', '1.0'],
        ['os', 'linux'],
        ['arch', 'amd64'],
      ],
    ],
    ['example.com/a,os=linux', 'example.com/a', [['os', 'linux']]],
    ['example.com/a,channel', 'example.com/a', [['channel', '']]],
    ['example.com/a,os=a=b', 'example.com/a', [['os', 'a=b']]],
  ])('%s', (arg, name, labels) => {
    expect(parseImageArg(arg)).toEqual({ name, labels: labels.map(([n, value]) => ({ name: n, value })) });
  });

  it.each([
    ['example.com/a,os=linux:1', 'only right after'],
    ['example.com/a:1:2', 'at most once'],
    ['example.com/a:1,version=2', 'more than once'],
    ['example.com/a,name=b', 'more than once'],
    ['Example.com/A', 'not a valid image name'],
    ['', 'not a valid image name'],
    ['example.com/a,BAD=1', 'not a valid label name'],
  ])('rejects %s', (arg, why) => {
    expect(() => parseImageArg(arg)).toThrow(why);
    expect(() => parseImageArg(arg)).toThrow(expect.objectContaining({ code: 'IMAGE_NAME_INVALID' }));
  });
});

describe('resolveImageArg', () => {
  it('takes an ID prefix or a name with labels, without default labels', async () => {
    putFakeRecord(dir, {
      key: fakeKey('ab'),
      name: 'example.com/a',
      labels: [{ name: 'version', value: '1' }],
    });
    expect((await store.resolveImageArg('sha512-ab')).key).toBe(fakeKey('ab'));
    expect((await store.resolveImageArg('example.com/a:1')).key).toBe(fakeKey('ab'));
    expect((await store.resolveImageArg('example.com/a')).key).toBe(fakeKey('ab'));
    await expect(store.resolveImageArg('example.com/a:2,os=linux')).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
      message:
        'cannot find aci satisfying name: "example.com/a" and labels: ["os":"linux", "version":"2"] in the local store',
    });
    await expect(store.resolveImageArg('sha512-cd')).rejects.toMatchObject({ code: 'IMAGE_NOT_FOUND' });
  });
});
