import { RktError } from '@rkt/common';
import type { ImageRecord, Store } from '@rkt/store';

export const IMAGE_FIELDS = ['id', 'name', 'size', 'importtime', 'lastused'] as const;
export const SORT_FIELDS = ['name', 'importtime', 'lastused', 'size'] as const;
export type ImageField = (typeof IMAGE_FIELDS)[number];
export type SortField = (typeof SORT_FIELDS)[number];

export interface SortOptions {
  /** compared in order; ties fall back to the store key */
  sort: readonly SortField[];
  ascending: boolean;
}

/** rkt's OptionList flags (--fields, --sort): a comma list, case-insensitive, no unknown or repeated option. */
export function parseOptionList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const bad = (reason: string) =>
    new RktError('USAGE', `invalid argument ${JSON.stringify(value)} for --${flag}=${value}: ${reason}`);
  if (value === '') return [];
  const out: T[] = [];
  for (const option of value.toLowerCase().split(',')) {
    if (!(allowed as readonly string[]).includes(option))
      throw bad(`unknown option ${JSON.stringify(option)}`);
    if ((out as string[]).includes(option)) throw bad(`duplicated option ${JSON.stringify(option)}`);
    out.push(option as T);
  }
  return out;
}

/** --order: `asc` or `desc`, any case. */
export function parseOrder(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'asc' || lower === 'desc') return lower === 'asc';
  throw new RktError(
    'USAGE',
    `invalid argument ${JSON.stringify(value)} for --order=${value}: wrong sort order`,
  );
}

/** SIZE of `image list`: the stored archive plus the rendered tree. */
export function totalSize(r: ImageRecord): number {
  return r.size + r.treeStoreSize;
}

const KEYS: Readonly<Record<SortField, (r: ImageRecord) => string | number>> = {
  name: (r) => r.name,
  importtime: (r) => r.importTime,
  lastused: (r) => r.lastUsed,
  size: totalSize,
};

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortImages(records: readonly ImageRecord[], opts: SortOptions): ImageRecord[] {
  const dir = opts.ascending ? 1 : -1;
  return [...records].sort((a, b) => {
    for (const field of opts.sort) {
      const c = compare(KEYS[field](a), KEYS[field](b));
      if (c !== 0) return c * dir;
    }
    return compare(a.key, b.key);
  });
}

/** The images of the store, in the requested order. */
export async function listImages(
  store: Pick<Store, 'listImages'>,
  opts: SortOptions,
): Promise<ImageRecord[]> {
  return sortImages(await store.listImages(), opts);
}
