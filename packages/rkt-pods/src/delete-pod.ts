import { warn, type TextSink } from '@rkt/common';
import type { LockedPod } from '@rkt/pod';
import { entrypointPath, gcArgs } from '@rkt/stage1';
import { podStage1, runEntrypoint } from './stage1-entry.js';

export interface DeleteOptions {
  /** command name for diagnostics: `gc`, `rm` */
  prog: string;
  debug: boolean;
  localConfig: string;
  stderr: TextSink;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The stage1's gc entrypoint for a pod that ran; its failures are reported, never fatal (rkt). */
async function stage1Gc(pod: LockedPod, o: DeleteOptions): Promise<void> {
  let path: string;
  let argv: string[];
  try {
    const stage1 = podStage1(pod.path);
    path = entrypointPath(pod.path, stage1, 'gc');
    const built = gcArgs(stage1, { uuid: pod.uuid, debug: o.debug, localConfig: o.localConfig });
    built.warnings.forEach((w) => warn(o.prog, w, o.stderr));
    argv = built.argv;
  } catch (e) {
    warn(o.prog, `skipping stage1 GC: ${message(e)}`, o.stderr);
    return;
  }
  const failure = await runEntrypoint(path, argv, pod.path, ['ignore', 'inherit', 'inherit']).catch(message);
  if (failure !== undefined)
    warn(o.prog, `problem performing stage1 GC on "${pod.uuid}": ${failure}`, o.stderr);
}

/**
 * rkt's deletePod (rkt.md §3.6) for a pod locked by lockForDeletion: a pod that ran gets its stage1's
 * gc first; then the directory goes, stage1 rootfs first. Nothing is ever unmounted: our stage1
 * mounts only inside the pod's own mount namespace, so a mount below the pod directory here is
 * unexpected and the pod is kept (POD_MOUNTS_LEFT) rather than risk deleting through it. The lock
 * is released either way. Returns whether the pod is gone; failures are printed.
 */
export async function deletePod(pod: LockedPod, o: DeleteOptions): Promise<boolean> {
  try {
    if (pod.dir === 'exited-garbage') await stage1Gc(pod, o);
    await pod.remove();
    return true;
  } catch (e) {
    pod.release();
    warn(o.prog, `unable to remove pod "${pod.uuid}": ${message(e)}`, o.stderr);
    return false;
  }
}
