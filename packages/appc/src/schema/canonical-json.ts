/** Plain JSON data as the encoders assemble it; key insertion order is the output order. */
export type Ordered = { [key: string]: unknown };

/** Builds an object from [key, value] pairs in order, dropping undefined values (Go's omitempty). */
export function ordered(entries: ReadonlyArray<readonly [string, unknown]>): Ordered {
  const out: Ordered = {};
  for (const [key, value] of entries) {
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true });
  }
  return out;
}

/**
 * Compact JSON escaped as Go's encoding/json writes it (`<`, `>`, `&`, U+2028, U+2029 as \u escapes),
 * so manifests we write byte-match actool's for the same content. Those characters can only occur
 * inside JSON strings, so replacing them in the text is safe.
 */
export function stringifyLikeGo(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A `{string: string}` map with keys in UTF-8 byte order, as Go marshals maps. */
export function sortedMap(map: Readonly<Record<string, string>> | undefined): Ordered | undefined {
  if (map === undefined) return undefined;
  const keys = Object.keys(map).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return ordered(keys.map((k) => [k, map[k]] as const));
}
