import { describe, expect, it } from 'vitest';
import { endpointsFor, renderEndpoint } from './template.js';

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
