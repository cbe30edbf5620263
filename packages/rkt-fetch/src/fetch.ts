import { Store } from '@rkt/store';
import { classifyImage, type ImageSource } from './classify.js';
import { createContext, type Fetched, type FetchContext } from './context.js';
import { completeImage } from './deps.js';
import { withDefaultLabels } from './image-name.js';
import { fetchFromFile } from './sources/file.js';
import { fetchByName } from './sources/name.js';
import type { FetchOptions, FetchResult, ImageRequest } from './types.js';

/**
 * rkt fetch as a library: every image (and its dependencies) into the store at `opts.dir`, in order,
 * stopping at the first failure (an RktError). All image strings are classified before anything is
 * fetched, so a malformed one fails early.
 */
export async function fetchImages(
  images: readonly ImageRequest[],
  opts: FetchOptions,
): Promise<FetchResult[]> {
  const sources = images.map((req) =>
    classifyImage(req.image, opts.cwd === undefined ? {} : { cwd: opts.cwd }),
  );
  const store = opts.store ?? (await Store.open(opts.dir));
  try {
    const ctx = createContext(store, opts);
    const results: FetchResult[] = [];
    for (const [i, req] of images.entries()) {
      const fetched = await fetchSource(ctx, sources[i]!, req);
      await completeImage(ctx, fetched);
      const { id, key, name } = fetched.record;
      const result = { id, key, name, source: req.image };
      results.push(result);
      opts.onResult?.(result, i);
    }
    return results;
  } finally {
    if (opts.store === undefined) await store.close();
  }
}

async function fetchSource(ctx: FetchContext, source: ImageSource, req: ImageRequest): Promise<Fetched> {
  switch (source.kind) {
    case 'hash': {
      const record = await ctx.store.getImage(await ctx.store.resolveKey(source.id));
      if (record === undefined) throw new Error(`store resolved ${source.id} to a key without a record`);
      return { record };
    }
    case 'file':
      return fetchFromFile(ctx, source.path, req.signature);
    case 'url': {
      const { fetchFromUrl } = await import('./sources/remote.js');
      return fetchFromUrl(ctx, source.url, { latest: false });
    }
    case 'name':
      return fetchByName(ctx, withDefaultLabels(source.image));
  }
}
