import { describe, expect, it } from 'vitest';
import { discoveryPrefixes, discoveryUrl, pubkeyUris } from './walk.js';

describe('discovery URLs', () => {
  it('walks from the name up to the host', () => {
    expect(discoveryPrefixes('a.com/b/c')).toEqual(['a.com/b/c', 'a.com/b', 'a.com']);
    expect(discoveryPrefixes('a.com')).toEqual(['a.com']);
  });

  it('asks ?ac-discovery=1, on the authority when given', () => {
    expect(discoveryUrl('https', 'a.com/b').href).toBe('https://a.com/b?ac-discovery=1');
    expect(discoveryUrl('http', '127.0.0.1/b', '127.0.0.1:8080').href).toBe(
      'http://127.0.0.1:8080/b?ac-discovery=1',
    );
  });
});

describe('pubkeyUris', () => {
  it('keeps ac-discovery-pubkeys tags whose prefix starts the name, in order', () => {
    const tags = [
      { name: 'ac-discovery', prefix: 'a.com', uri: 'https://a/{name}.{ext}' },
      { name: 'ac-discovery-pubkeys', prefix: 'a.com', uri: 'https://a/keys.asc' },
      { name: 'ac-discovery-pubkeys', prefix: 'b.com', uri: 'https://b/keys.asc' },
      { name: 'ac-discovery-pubkeys', prefix: 'a.com/app', uri: 'https://a/app.asc' },
    ];
    expect(pubkeyUris(tags, 'a.com/app/x')).toEqual(['https://a/keys.asc', 'https://a/app.asc']);
    expect(pubkeyUris(tags, 'c.com')).toEqual([]);
  });
});
