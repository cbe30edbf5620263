import { describe, expect, it } from 'vitest';
import { parseDiscoveryMeta } from './meta.js';

describe('parseDiscoveryMeta', () => {
  it('keeps ac-* tags of the head with a prefix and a URI', async () => {
    const html = `<!DOCTYPE html><html><head>
      <meta charset="utf-8">
      <META NAME="ac-discovery" CONTENT="example.com  https://example.com/{name}-{version}.{ext}">
      <meta name="ac-discovery-pubkeys" content="example.com https://example.com/pubkeys.gpg">
      <meta name="ac-discovery" content="only-a-prefix">
      <meta name="go-import" content="example.com git https://x">
      <meta name="ac-discovery" content="example.com/x http://a/?n={name}&amp;v={version}">
      </head><body><meta name="ac-discovery" content="late http://ignored/{ext}"></body></html>`;
    expect(await parseDiscoveryMeta(html)).toEqual([
      { name: 'ac-discovery', prefix: 'example.com', uri: 'https://example.com/{name}-{version}.{ext}' },
      { name: 'ac-discovery-pubkeys', prefix: 'example.com', uri: 'https://example.com/pubkeys.gpg' },
      { name: 'ac-discovery', prefix: 'example.com/x', uri: 'http://a/?n={name}&v={version}' },
    ]);
  });

  it('copes with pages that are not HTML', async () => {
    expect(await parseDiscoveryMeta('{"not": "html"}')).toEqual([]);
    expect(await parseDiscoveryMeta('<meta name="ac-discovery" content="a b">')).toEqual([
      { name: 'ac-discovery', prefix: 'a', uri: 'b' },
    ]);
  });
});
