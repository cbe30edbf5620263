import { describe, expect, it } from 'vitest';
import { discoveryPrefixes, discoveryUrl, endpointsFor, renderEndpoint } from './template.js';

const labels = [
  { name: 'version', value: '1.0' },
  { name: 'os', value: 'linux' },
  { name: 'arch', value: 'amd64' },
];

describe('renderEndpoint', () => {
  it('substitutes name, labels and ext for image and signature', () => {
    expect(renderEndpoint('https://h/{name}/{os}/{arch}/app-{version}.{ext}', 'a.com/app', labels)).toEqual({
      aci: 'https://h/a.com/app/linux/amd64/app-1.0.aci',
      asc: 'https://h/a.com/app/linux/amd64/app-1.0.aci.asc',
    });
  });

  it('drops a template with anything left unresolved', () => {
    expect(renderEndpoint('https://h/{name}-{channel}.{ext}', 'a', labels)).toBeUndefined();
  });

  it('substitutes custom labels', () => {
    const custom = [...labels, { name: 'channel', value: 'beta' }];
    expect(renderEndpoint('https://h/{channel}.{ext}', 'a', custom)?.aci).toBe('https://h/beta.aci');
  });
});

describe('endpointsFor', () => {
  const tags = [
    { name: 'ac-discovery', prefix: 'b.com', uri: 'https://b/{name}.{ext}' },
    { name: 'ac-discovery-pubkeys', prefix: 'a.com', uri: 'https://a/keys' },
    { name: 'ac-discovery', prefix: 'a.com/app', uri: 'https://a/{name}-{version}.{ext}' },
    { name: 'ac-discovery', prefix: 'a.com', uri: 'https://a/{name}-{unknown}.{ext}' },
    { name: 'ac-discovery', prefix: 'a.com', uri: 'http://a/{name}.{ext}' },
  ];

  it('keeps templates whose prefix starts the name, in order; version defaults to latest', () => {
    expect(endpointsFor(tags, 'a.com/app', [])).toEqual([
      { aci: 'https://a/a.com/app-latest.aci', asc: 'https://a/a.com/app-latest.aci.asc' },
      { aci: 'http://a/a.com/app.aci', asc: 'http://a/a.com/app.aci.asc' },
    ]);
  });
});

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
