import type { RemoteRecord } from '@rkt/store';
import { describe, expect, it } from 'vitest';
import { cacheMaxAge, conditionalHeaders, decideForName, decideForUrl } from './pull-policy.js';

const remote = (over: Partial<RemoteRecord> = {}): RemoteRecord => ({
  url: 'https://a/b.aci',
  blobKey: 'sha512-aa',
  cacheMaxAge: 0,
  downloadTime: 1_000_000,
  ...over,
});

describe('decideForName', () => {
  it.each([
    ['new', true, 'use-store'],
    ['new', false, 'discover'],
    ['update', true, 'discover'],
    ['update', false, 'discover'],
    ['never', true, 'use-store'],
    ['never', false, 'missing'],
  ] as const)('%s with the image stored=%s: %s', (policy, inStore, expected) => {
    expect(decideForName(policy, inStore)).toBe(expected);
  });
});

describe('decideForUrl', () => {
  const now = 1_000_000 + 30_000;
  it('downloads what the store does not know, unless never', () => {
    expect(decideForUrl('new', undefined, now)).toEqual({ action: 'download' });
    expect(decideForUrl('update', undefined, now)).toEqual({ action: 'download' });
    expect(decideForUrl('never', undefined, now)).toEqual({ action: 'missing' });
  });

  it('reuses any record for new and never', () => {
    expect(decideForUrl('new', remote({ etag: '"x"' }), now)).toEqual({
      action: 'use-store',
      key: 'sha512-aa',
    });
    expect(decideForUrl('never', remote(), now)).toEqual({ action: 'use-store', key: 'sha512-aa' });
  });

  it('update: reuses within max-age, then asks with the validators', () => {
    expect(decideForUrl('update', remote({ cacheMaxAge: 60 }), now)).toEqual({
      action: 'use-store',
      key: 'sha512-aa',
    });
    expect(decideForUrl('update', remote({ cacheMaxAge: 10, etag: '"e"' }), now)).toEqual({
      action: 'download',
      validators: { etag: '"e"' },
    });
    expect(decideForUrl('update', remote({ lastModified: 'Tue' }), now)).toEqual({
      action: 'download',
      validators: { lastModified: 'Tue' },
    });
    expect(decideForUrl('update', remote(), now)).toEqual({ action: 'download' });
  });
});

describe('conditionalHeaders', () => {
  it('sends If-None-Match and If-Modified-Since', () => {
    expect(conditionalHeaders({ etag: '"e"', lastModified: 'Tue' })).toEqual({
      'if-none-match': '"e"',
      'if-modified-since': 'Tue',
    });
    expect(conditionalHeaders(undefined)).toEqual({});
  });
});

describe('cacheMaxAge', () => {
  it.each([
    [undefined, 0],
    ['max-age=60', 60],
    ['public, max-age=3600', 3600],
    ['max-age="5"', 5],
    ['no-cache, max-age=60', 0],
    ['no-store', 0],
    ['max-age=abc', 0],
  ])('%j → %d', (header, seconds) => {
    expect(cacheMaxAge(header)).toBe(seconds);
  });
});
