import { isAfterRun, locatePod } from '@rkt/pod';
import { entrypointPath, stopArgs } from '@rkt/stage1';
import { warn } from '@rkt/common';
import type { PodsIo } from './command.js';
import { resolvePod } from './pod-args.js';
import { podStage1, runEntrypoint } from './stage1-entry.js';

export interface StopOptions {
  dataDir: string;
  /** UUIDs or prefixes */
  pods: readonly string[];
  force: boolean;
}

/** Stop one running pod through its stage1's stop entrypoint; throws with rkt's reason. */
async function stopPod(dataDir: string, uuid: string, force: boolean): Promise<'stopped' | 'already'> {
  const ref = locatePod(dataDir, uuid);
  if (ref === undefined) throw new Error(`cannot get pod: pod "${uuid}" was not present`);
  if (isAfterRun(ref.state)) return 'already';
  if (ref.state !== 'running') throw new Error(`pod "${uuid}" is not running`);
  let failure: string | undefined;
  try {
    const stage1 = podStage1(ref.path);
    const path = entrypointPath(ref.path, stage1, 'stop');
    failure = await runEntrypoint(path, stopArgs(stage1, { uuid, force }), ref.path, [
      'ignore',
      'inherit',
      'inherit',
    ]);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  if (failure !== undefined) throw new Error(`error stopping "${uuid}": ${failure}`);
  return 'stopped';
}

/**
 * `rkt stop`: each running pod is asked to stop by its stage1 (SIGTERM, or SIGKILL with --force, for
 * fly); `"<uuid>"` per stopped pod, `pod "<uuid>" is already stopped` for pods that are over.
 * Returns 254 when any pod failed.
 */
export async function stopCommand(o: StopOptions, io: PodsIo): Promise<number> {
  let failed = 0;
  for (const arg of o.pods) {
    try {
      const uuid = resolvePod(o.dataDir, arg, 'cannot get pod');
      if ((await stopPod(o.dataDir, uuid, o.force)) === 'already')
        io.stdout.write(`pod "${uuid}" is already stopped\n`);
      else io.stdout.write(`"${uuid}"\n`);
    } catch (e) {
      failed++;
      warn('stop', e instanceof Error ? e.message : String(e), io.stderr);
    }
  }
  if (failed === 0) return 0;
  warn('stop', `failed to stop ${failed} pod(s)`, io.stderr);
  return 254;
}
