import type { Label } from '@rkt/appc';
import { IMAGE_AMBIGUOUS, IMAGE_ID_INVALID, IMAGE_NOT_FOUND, storeError } from './errors.js';
import type { Layout } from './layout.js';
import { listKeys } from './records.js';
import type { ImageRecord } from './types.js';

const KEY_LENGTH = 'sha512-'.length + 64;
const ID_PREFIX = /^sha512-[0-9a-f]{2,}$/;

/** rkt's ResolveKey: a unique image ID prefix (case-insensitive, cut to the key's length) to its key. */
export function resolveKey(layout: Layout, prefix: string): string {
  const wanted = prefix.toLowerCase().slice(0, KEY_LENGTH);
  if (!ID_PREFIX.test(wanted)) {
    throw storeError(
      IMAGE_ID_INVALID,
      `invalid image ID "${prefix}": expected sha512- and at least 2 hex digits`,
    );
  }
  const matches = listKeys(layout).filter((k) => k.startsWith(wanted));
  if (matches.length === 0)
    throw storeError(IMAGE_NOT_FOUND, `no image found matching ID prefix "${prefix}"`);
  if (matches.length > 1) {
    throw storeError(IMAGE_AMBIGUOUS, `ambiguous image ID prefix "${prefix}": ${matches.length} matches`);
  }
  return matches[0] as string;
}

/**
 * rkt's GetACI over index records: candidates have exactly `name` and every requested label with an
 * equal value; without a requested `version`, `latest` records win; then the newest import.
 */
export function pickImage(
  records: Iterable<ImageRecord>,
  name: string,
  labels: readonly Label[],
): ImageRecord | undefined {
  const versionRequested = labels.some((l) => l.name === 'version');
  let best: ImageRecord | undefined;
  for (const r of records) {
    if (r.name !== name || !hasLabels(r, labels)) continue;
    if (best === undefined || better(r, best, versionRequested)) best = r;
  }
  return best;
}

function hasLabels(r: ImageRecord, labels: readonly Label[]): boolean {
  return labels.every((l) => r.labels.some((rl) => rl.name === l.name && rl.value === l.value));
}

function better(a: ImageRecord, b: ImageRecord, versionRequested: boolean): boolean {
  if (!versionRequested && a.latest !== b.latest) return a.latest;
  if (a.importTime !== b.importTime) return a.importTime > b.importTime;
  return a.key < b.key;
}

/** rkt's ACINotFoundError text: `cannot find aci satisfying name: "x" and labels: ["version":"1"] ...` */
export function notFoundByName(name: string, labels: readonly Label[]): Error {
  const shown = [...labels]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((l) => `${JSON.stringify(l.name)}:${JSON.stringify(l.value)}`);
  return storeError(
    IMAGE_NOT_FOUND,
    `cannot find aci satisfying name: ${JSON.stringify(name)} and labels: [${shown.join(', ')}] in the local store`,
  );
}
