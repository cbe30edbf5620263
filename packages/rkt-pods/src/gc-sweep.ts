import { statSync } from 'node:fs';
import { warn, type TextSink } from '@rkt/common';
import { lockForDeletion, podPath } from '@rkt/pod';
import { deletePod } from './delete-pod.js';
import { formatGoDuration } from './go-duration.js';
import { expired } from './gc-mark.js';
import { podsIn } from './walk.js';

function uuidsIn(o: SweepOptions, dir: 'exited-garbage' | 'garbage', what: string): string[] {
  return podsIn(o.dataDir, dir, what, o.stderr).map((p) => p.uuid);
}

export interface SweepOptions {
  dataDir: string;
  /** ms an exited pod stays in exited-garbage/ (since it was marked) before it is deleted */
  gracePeriodMs: number;
  now: () => number;
  debug: boolean;
  localConfig: string;
  stdout: TextSink;
  stderr: TextSink;
}

/** Lock (waiting for another deleter, as rkt does), announce and delete; a pod gone meanwhile is skipped. */
async function collect(o: SweepOptions, uuid: string): Promise<void> {
  const pod = await lockForDeletion(o.dataDir, uuid);
  if (pod === undefined) return;
  o.stdout.write(`Garbage collecting pod "${uuid}"\n`);
  await deletePod(pod, { prog: 'gc', debug: o.debug, localConfig: o.localConfig, stderr: o.stderr });
}

/** gc sweep, step 1: exited pods whose grace period (from the mark's ctime) is over. */
export async function sweepExitedGarbage(o: SweepOptions): Promise<void> {
  for (const uuid of uuidsIn(o, 'exited-garbage', 'empty exitedGarbage')) {
    let ctimeNs: bigint;
    try {
      ctimeNs = statSync(podPath(o.dataDir, 'exited-garbage', uuid), { bigint: true }).ctimeNs;
    } catch {
      continue;
    }
    if (expired(ctimeNs, o.gracePeriodMs, o.now())) await collect(o, uuid);
    else
      warn(
        'gc',
        `pod "${uuid}" not removed: still within grace period (${formatGoDuration(o.gracePeriodMs)})`,
        o.stderr,
      );
  }
}

/** gc sweep, step 2: pods that never ran (aborted prepares, expired prepared pods), all of them. */
export async function sweepGarbage(o: SweepOptions): Promise<void> {
  for (const uuid of uuidsIn(o, 'garbage', 'empty garbage')) await collect(o, uuid);
}
