import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RktError } from '@rkt/common';
import type { Store } from '@rkt/store';
import type { Stage1Ref } from './stage1-selection.js';

export interface Stage1Fetcher {
  /** fetch one image like `rkt fetch` would, returning its store key */
  fetch(image: string): Promise<string>;
}

/**
 * The store key of the selected stage1 image. The built-in default is imported from the first of
 * its files that exists, without a signature check (rkt trusts the images it was built with); the
 * file wins over the store so that a rebuilt engine never runs a stale stage1 of the same version
 * (re-importing a stored image only re-hashes a few kilobytes). Without a file, the store's image of
 * that name and version is used.
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
      if (location === undefined) {
        const stored = await store.findImage(ref.name, [{ name: 'version', value: ref.version }]);
        if (stored) return stored.key;
        const remote = ref.locations.find((l) => l.includes('://'));
        if (remote !== undefined) return fetcher.fetch(remote);
        throw new RktError(
          'STAGE1_NOT_FOUND',
          `stage1 image ${ref.name}:${ref.version} is not in the store and no file was found (looked in ${ref.locations.join(', ')})`,
          { hint: 'give one with --stage1-path, --stage1-url, --stage1-name or --stage1-hash' },
        );
      }
      const { record } = await store.importImage(createReadStream(location), { render });
      return record.key;
    }
  }
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
