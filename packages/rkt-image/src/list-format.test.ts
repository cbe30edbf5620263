import { describe, expect, it } from 'vitest';
import { displayName, formatImageJson, formatImageTable, shortId } from './list-format.js';
import { IMAGE_FIELDS } from './list.js';
import { record } from './test-records.js';

const NOW = Date.parse('2026-11-28T18:31:16.420Z');
const busybox = record('6b38a6a95895', {
  labels: [
    { name: 'version', value: '1.35.0' },
    { name: 'arch', value: 'amd64' },
  ],
  importTime: NOW - 2500,
  lastUsed: NOW - 2000,
  size: 1995264,
});
const fly = record('3ebc8f9a99cd', {
  name: 'coreos.com/rkt/stage1-fly',
  labels: [{ name: 'version', value: '1.30.0+git171c416f' }],
  importTime: NOW - 2100,
  lastUsed: NOW - 2900,
  size: 33 * 1024 * 1024,
  treeStoreSize: 1000,
});
const host = record('6f09f55cf380', {
  name: 'coreos.com/rkt/stage1-host',
  labels: [{ name: 'version', value: '1.30.0+git171c416f' }],
  importTime: NOW - 1500,
  lastUsed: NOW - 10,
  size: 159 * 1024 * 1024,
});
const table = { fields: [...IMAGE_FIELDS], noLegend: false, full: false, now: new Date(NOW) };

describe('image list table', () => {
  it('reproduces rkt-observed §5 byte for byte', () => {
    expect(formatImageTable([busybox, fly, host], table)).toBe(
      'ID\t\t\tNAME\t\t\t\t\t\tSIZE\tIMPORT TIME\tLAST USED\n' +
        'sha512-6b38a6a95895\texample.com/busybox:1.35.0\t\t\t1.9MiB\t2 seconds ago\t2 seconds ago\n' +
        'sha512-3ebc8f9a99cd\tcoreos.com/rkt/stage1-fly:1.30.0+git171c416f\t33MiB\t2 seconds ago\t2 seconds ago\n' +
        'sha512-6f09f55cf380\tcoreos.com/rkt/stage1-host:1.30.0+git171c416f\t159MiB\t1 second ago\tnow\n',
    );
  });

  it('prints the header alone, single tabs, for an empty store; nothing with --no-legend', () => {
    expect(formatImageTable([], table)).toBe('ID\tNAME\tSIZE\tIMPORT TIME\tLAST USED\n');
    expect(formatImageTable([], { ...table, noLegend: true })).toBe('');
  });

  it('--no-legend drops the header', () => {
    expect(formatImageTable([busybox], { ...table, noLegend: true })).toBe(
      'sha512-6b38a6a95895\texample.com/busybox:1.35.0\t1.9MiB\t2 seconds ago\t2 seconds ago\n',
    );
  });

  it('--fields picks and orders the columns', () => {
    expect(formatImageTable([busybox], { ...table, fields: ['name', 'id'] })).toBe(
      'NAME\t\t\t\tID\nexample.com/busybox:1.35.0\tsha512-6b38a6a95895\n',
    );
  });

  it('--full: the whole key, bytes (blob + tree) and absolute times', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const text = formatImageTable([fly], {
        ...table,
        full: true,
        fields: ['id', 'size', 'importtime', 'lastused'],
      });
      expect(text.split('\n')[1]).toBe(
        `${fly.key}\t${33 * 1024 * 1024 + 1000}\t2026-11-28 18:31:14.32 +0000 UTC\t2026-11-28 18:31:13.52 +0000 UTC`,
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('image list JSON', () => {
  it('has full ids, names with version, nanosecond times and total sizes, on one line', () => {
    expect(formatImageJson([busybox, fly], 'json')).toBe(
      `[{"id":"${busybox.key}","name":"example.com/busybox:1.35.0","import_time":${BigInt(NOW - 2500) * 1000000n},` +
        `"last_used_time":${BigInt(NOW - 2000) * 1000000n},"size":1995264},` +
        `{"id":"${fly.key}","name":"coreos.com/rkt/stage1-fly:1.30.0+git171c416f","import_time":1795890674320000000,` +
        `"last_used_time":1795890673520000000,"size":${33 * 1024 * 1024 + 1000}}]`,
    );
  });

  it('json-pretty indents with tabs', () => {
    expect(formatImageJson([busybox], 'json-pretty')).toBe(
      `[\n\t{\n\t\t"id": "${busybox.key}",\n\t\t"name": "example.com/busybox:1.35.0",\n` +
        `\t\t"import_time": 1795890673920000000,\n\t\t"last_used_time": 1795890674420000000,\n\t\t"size": 1995264\n\t}\n]`,
    );
  });

  it('prints null for an empty store (rkt marshals a nil slice)', () => {
    expect(formatImageJson([], 'json')).toBe('null');
    expect(formatImageJson([], 'json-pretty')).toBe('null');
  });
});

describe('names and ids', () => {
  it('adds the version label to the name', () => {
    expect(displayName(record('a'))).toBe('example.com/busybox');
    expect(displayName(busybox)).toBe('example.com/busybox:1.35.0');
  });

  it('shortens a key to the algorithm and 12 hex digits', () => {
    expect(shortId(busybox.key)).toBe('sha512-6b38a6a95895');
    expect(shortId('sha512-abc')).toBe('sha512-abc');
  });
});
