import { referencedTreeStoreIds, runningPodImageKeys, withPrepareLock } from '@rkt/pod';
import type { GcPodHooks } from './gc.js';

/** `image gc`'s view of the pods in `dataDir` (rkt.md §1.3, §3.5). */
export function podHooks(dataDir: string): GcPodHooks {
  return {
    lockTrees: (sweep) => withPrepareLock(dataDir, 'exclusive', sweep),
    referencedTreeIds: () => referencedTreeStoreIds(dataDir),
    runningImageKeys: () => runningPodImageKeys(dataDir),
  };
}
