import type { MetaTag } from './meta.js';

/** `a.com/b/c` → `a.com/b/c`, `a.com/b`, `a.com`: where discovery looks, in order. */
export function discoveryPrefixes(name: string): string[] {
  const parts = name.split('/');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('/'));
}

/** `https://<prefix>?ac-discovery=1`, on `authority` (host:port) when the name came with a port. */
export function discoveryUrl(scheme: 'https' | 'http', prefix: string, authority?: string): URL {
  const url = new URL(`${scheme}://${prefix}`);
  if (authority !== undefined) url.host = authority;
  url.search = 'ac-discovery=1';
  return url;
}

/** The key URIs of a page's `ac-discovery-pubkeys` tags that apply to `name` (used as given, in order). */
export function pubkeyUris(tags: readonly MetaTag[], name: string): string[] {
  return tags.filter((t) => t.name === 'ac-discovery-pubkeys' && name.startsWith(t.prefix)).map((t) => t.uri);
}
