import type { Store } from '@rkt/store';
import { errorMessage } from './errors.js';
import { removeRecords, type RemovalResult } from './rm.js';

export interface GcOptions {
  /** images last used longer ago than this are removed (milliseconds) */
  gracePeriodMs: number;
  /** milliseconds since the epoch; default now */
  now?: number;
  /** what gc must know about pods; without it no tree or image is in use */
  pods?: GcPodHooks;
}

/** The pods' side of `image gc` (rkt.md §1.3), supplied by the CLI from the data dir. */
export interface GcPodHooks {
  /**
   * Runs the tree sweep while no pod can be prepared (`locks/prepareLock` held exclusively), so
   * the referenced set cannot go stale before the sweep ends.
   */
  lockTrees<T>(sweep: () => Promise<T>): Promise<T>;
  /** tree ids used by pods in the prepare, prepared, run and exited-garbage dirs, which gc keeps */
  referencedTreeIds(): ReadonlySet<string>;
  /** store keys of the images of running pods; the image walk stops at the first one, as rkt's does */
  runningImageKeys(): ReadonlySet<string>;
}

export interface GcReport {
  removedTrees: string[];
  failedTrees: { id: string; message: string }[];
  images: RemovalResult;
  /** what cleanDebris removed */
  debris: string[];
}

type GcStore = Pick<Store, 'listTrees' | 'removeTree' | 'listImages' | 'removeImage' | 'cleanDebris'>;

/**
 * `rkt image gc`: (1) remove every rendered tree no pod references, (2) remove images unused for longer
 * than the grace period (oldest first, stopping at the first recent one), (3) clean what crashed
 * writers left in the store.
 */
export async function gcStore(store: GcStore, opts: GcOptions): Promise<GcReport> {
  const now = opts.now ?? Date.now();
  const report: GcReport = {
    removedTrees: [],
    failedTrees: [],
    images: { removed: [], failed: [] },
    debris: [],
  };
  const pods = opts.pods;
  const sweepTrees = async () => {
    const referenced = pods?.referencedTreeIds() ?? new Set<string>();
    for (const tree of await store.listTrees()) {
      if (referenced.has(tree.id)) continue;
      try {
        await store.removeTree(tree.id);
        report.removedTrees.push(tree.id);
      } catch (err) {
        report.failedTrees.push({ id: tree.id, message: errorMessage(err) });
      }
    }
  };
  if (pods) await pods.lockTrees(sweepTrees);
  else await sweepTrees();

  const running = pods?.runningImageKeys() ?? new Set<string>();
  const byLastUse = [...(await store.listImages())].sort((a, b) => a.lastUsed - b.lastUsed);
  const expired = [];
  for (const image of byLastUse) {
    if (now - image.lastUsed <= opts.gracePeriodMs || running.has(image.key)) break;
    expired.push(image);
  }
  report.images = await removeRecords(store, expired);
  report.debris = await store.cleanDebris();
  return report;
}
