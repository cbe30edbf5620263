import { describe, expect, it } from 'vitest';
import { IMAGE_FIELDS, listImages, parseOptionList, parseOrder, SORT_FIELDS, sortImages } from './list.js';
import { record } from './test-records.js';

const a = record('a', { name: 'b.example/x', importTime: 3, lastUsed: 1, size: 10 });
const b = record('b', { name: 'a.example/y', importTime: 1, lastUsed: 3, size: 5, treeStoreSize: 20 });
const c = record('c', { name: 'a.example/y', importTime: 2, lastUsed: 2, size: 30 });
const keys = (rs: { key: string }[]) => rs.map((r) => r.key[7]).join('');

describe('sortImages', () => {
  it.each([
    [['importtime'], true, 'bca'],
    [['importtime'], false, 'acb'],
    [['lastused'], true, 'acb'],
    [['size'], true, 'abc'],
    [['size'], false, 'cba'],
    [['name'], true, 'bca'],
    [['name', 'lastused'], true, 'cba'],
    [['name', 'lastused'], false, 'abc'],
    [[], true, 'abc'],
  ] as const)('sort %j ascending=%s -> %s', (sort, ascending, expected) => {
    expect(keys(sortImages([a, b, c], { sort, ascending }))).toBe(expected);
  });

  it('listImages sorts what the store lists', async () => {
    const store = { listImages: () => Promise.resolve([a, b, c]) };
    expect(keys(await listImages(store, { sort: ['importtime'], ascending: true }))).toBe('bca');
  });
});

describe('rkt option lists', () => {
  it('accepts a comma list in any case', () => {
    expect(parseOptionList('fields', 'ID,Name', IMAGE_FIELDS)).toEqual(['id', 'name']);
    expect(parseOptionList('sort', 'size,name', SORT_FIELDS)).toEqual(['size', 'name']);
    expect(parseOptionList('sort', '', SORT_FIELDS)).toEqual([]);
  });

  it.each([
    ['fields', 'id,latest', 'invalid argument "id,latest" for --fields=id,latest: unknown option "latest"'],
    ['fields', 'id,id', 'invalid argument "id,id" for --fields=id,id: duplicated option "id"'],
    ['sort', 'id', 'invalid argument "id" for --sort=id: unknown option "id"'],
  ] as const)('--%s=%s is refused', (flag, value, message) => {
    const allowed = flag === 'fields' ? IMAGE_FIELDS : SORT_FIELDS;
    expect(() => parseOptionList(flag, value, allowed)).toThrow(message);
  });

  it('--order is asc or desc', () => {
    expect(parseOrder('asc')).toBe(true);
    expect(parseOrder('DESC')).toBe(false);
    expect(() => parseOrder('up')).toThrow('invalid argument "up" for --order=up: wrong sort order');
  });
});
