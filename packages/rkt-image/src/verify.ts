import type { Store, VerifyResult } from '@rkt/store';
import { failure } from './errors.js';
import { resolveImage } from './resolve.js';

export interface VerifyOutcome {
  /** the argument as given */
  image: string;
  key: string;
  result: VerifyResult;
}

/**
 * `rkt image verify` of one image: re-hash its rendered tree against the hash recorded at render
 * time; the store re-renders a tree that no longer matches.
 */
export async function verifyImage(
  store: Pick<Store, 'resolveImageArg' | 'verifyTree'>,
  image: string,
): Promise<VerifyOutcome> {
  let key: string;
  try {
    key = (await resolveImage(store, image)).key;
  } catch (err) {
    throw failure('IMAGE_NOT_FOUND', `unable to resolve store key for image ${image}`, err);
  }
  return { image, key, result: await store.verifyTree(key) };
}

/** What verify prints on stdout for an outcome (rkt's wording). */
export function verifyMessage(o: VerifyOutcome): string {
  switch (o.result) {
    case 'not-rendered':
      return `image ${JSON.stringify(o.image)} not rendered; no verification needed`;
    case 'verified':
      return `successfully verified checksum for image: ${JSON.stringify(o.image)} (${JSON.stringify(o.key)})`;
    case 'repaired':
      return `tree cache verification failed for image ${o.image}: tree hash mismatch; rebuilt the tree`;
  }
}
