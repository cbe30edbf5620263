import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RktError } from '@rkt/common';
import type { ImageRecord, Store } from '@rkt/store';
import type { Stage1Ref } from './stage1-selection.js';

export interface Stage1Fetcher {
  /** fetch one image like `rkt fetch` would, returning its store key */
  fetch(image: string): Promise<string>;
}

/**
 * The store key of the selected stage1 image. The built-in default is imported from the first of
 * its files that exists, without a signature check (rkt trusts the images it was built with), unless
 * the store already holds it from that very file; a rebuilt engine's file (rewritten, so newer than
 * the import) is imported again, so a stale stage1 of the same version never runs. Without a file,
 * the store's image of that name and version is used.
 */
export async function resolveStage1(
  ref: Stage1Ref,
  store: Store,
  fetcher: Stage1Fetcher,
  render: boolean,
  builtInDirs: readonly string[] = [],
): Promise<string> {
  switch (ref.kind) {
    case 'image': {
      const file = builtInFile(ref.image, builtInDirs);
      if (file !== undefined) return (await store.importImage(createReadStream(file), { render })).record.key;
      return fetcher.fetch(ref.image);
    }
    case 'hash':
      return store.resolveKey(ref.hash);
    case 'default': {
      const location = ref.locations.find((l) => !l.includes('://') && existsSync(l));
      const stored = await store.findImage(ref.name, [{ name: 'version', value: ref.version }]);
      if (location === undefined) {
        if (stored) return stored.key;
        const remote = ref.locations.find((l) => l.includes('://'));
        if (remote !== undefined) return fetcher.fetch(remote);
        throw new RktError(
          'STAGE1_NOT_FOUND',
          `stage1 image ${ref.name}:${ref.version} is not in the store and no file was found (looked in ${ref.locations.join(', ')})`,
          { hint: 'give one with --stage1-path, --stage1-url, --stage1-name or --stage1-hash' },
        );
      }
      if (stored && unchangedSince(location, stored)) return stored.key;
      const { record } = await store.importImage(createReadStream(location), { render });
      return record.key;
    }
  }
}

/**
 * The stored image came from this file and the file has not been rewritten since (same size,
 * modified before the import): reading and hashing it again, on every `rkt run`, would change nothing.
 */
function unchangedSince(file: string, stored: ImageRecord): boolean {
  const st = statSync(file);
  return st.size === stored.size && st.mtimeMs <= stored.importTime;
}

/**
 * rkt skips the signature check of a stage1 image that lies in the built-in stage1 images
 * directory (rkt.md §6.2): those files came with the engine. Symlinks are resolved first, so a link
 * there pointing elsewhere does not count.
 */
function builtInFile(image: string, dirs: readonly string[]): string | undefined {
  if (image.includes('://')) return undefined;
  let file: string;
  try {
    file = realpathSync(resolve(image));
  } catch {
    return undefined;
  }
  const real = dirs.flatMap((d) => {
    try {
      return [realpathSync(d)];
    } catch {
      return [];
    }
  });
  return real.includes(dirname(file)) ? file : undefined;
}
