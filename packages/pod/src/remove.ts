import { join } from 'node:path';
import { POD_MOUNTS_LEFT, podError, quote } from './errors.js';
import { POD_FILES } from './layout.js';
import { mountsBelow } from './mountinfo.js';
import { nodeOs, type PodOs } from './os.js';

export interface RemovePodOptions {
  os?: PodOs;
  /**
   * Called first with the pod directory: unmount everything below it (stage1 overlay, volumes,
   * leftovers of a crashed stage1). The gc command supplies it; this package never mounts.
   */
  unmountBelow?: (podDir: string) => Promise<void> | void;
  /** mount table to check; default /proc/self/mountinfo */
  mountinfoPath?: string;
}

/**
 * rm -rf a pod directory, refusing (POD_MOUNTS_LEFT) while anything is still mounted below it: a
 * recursive delete would walk into a bind-mounted host volume and empty it. The stage1 rootfs goes
 * first, so a failure leaves the manifest for a later attempt (rkt's order). Without a readable
 * mount table the check is skipped.
 */
export async function removePodDir(podDir: string, options: RemovePodOptions = {}): Promise<void> {
  const os = options.os ?? nodeOs;
  if (options.unmountBelow) await options.unmountBelow(podDir);
  const table = os.readFile(options.mountinfoPath ?? '/proc/self/mountinfo');
  if (table !== undefined) {
    const left = mountsBelow(table.toString('utf8'), os.realpath(podDir));
    if (left.length > 0) {
      throw podError(
        POD_MOUNTS_LEFT,
        `pod directory ${quote(podDir)} still has ${left.length} mount(s) below it, e.g. ${quote(left[0] as string)}`,
      );
    }
  }
  os.removeTree(join(podDir, POD_FILES.stage1Rootfs));
  os.removeTree(podDir);
}
