import { toStoreKey } from '@rkt/appc';
import type { Fetched, FetchContext } from '../context.js';
import { showImageName, type ImageName } from '../image-name.js';
import { decideForName } from '../pull-policy.js';
import { notInStore } from './not-in-store.js';

/**
 * An image by name and labels (defaults already added): the store first unless the policy is
 * `update`, then discovery. Without a version label the image is recorded as `latest`. With
 * `expectedId` (a dependency's imageID) only that image will do.
 */
export async function fetchByName(
  ctx: FetchContext,
  image: ImageName,
  expectedId?: string,
): Promise<Fetched> {
  const policy = ctx.opts.pullPolicy;
  const found = policy === 'update' ? undefined : await ctx.store.findImage(image.name, image.labels);
  const usable =
    found !== undefined && (expectedId === undefined || found.key.startsWith(toStoreKey(expectedId)));
  switch (decideForName(policy, usable)) {
    case 'use-store':
      return { record: found!, ...(image.authority === undefined ? {} : { origin: image.authority }) };
    case 'missing':
      throw notInStore(showImageName(image));
    case 'discover': {
      const { discoverAndFetch } = await import('./remote.js');
      const latest = !image.labels.some((l) => l.name === 'version');
      return discoverAndFetch(ctx, image, expectedId === undefined ? { latest } : { latest, expectedId });
    }
  }
}
