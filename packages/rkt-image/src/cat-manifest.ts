import { encodeImageManifest } from '@rkt/appc';
import type { Store } from '@rkt/store';
import { indentJson } from './indent-json.js';
import { resolveImage } from './resolve.js';

/**
 * `rkt image cat-manifest`: the image manifest re-encoded in the key order of appc's Go types,
 * tab-indented like json.MarshalIndent when `pretty`, else on one line.
 */
export async function catManifest(
  store: Pick<Store, 'resolveImageArg' | 'readManifest'>,
  image: string,
  opts: { pretty: boolean },
): Promise<string> {
  const record = await resolveImage(store, image);
  const compact = encodeImageManifest(await store.readManifest(record.key));
  return opts.pretty ? indentJson(compact) : compact;
}
