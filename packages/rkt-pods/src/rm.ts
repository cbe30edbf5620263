import { warn } from '@rkt/common';
import { lockForDeletion, locatePod, markExitedGarbage, type MarkResult } from '@rkt/pod';
import type { PodsIo } from './command.js';
import { deletePod } from './delete-pod.js';
import { discardUnstarted } from './gc-mark.js';
import { resolvePod } from './pod-args.js';

export interface RmOptions {
  dataDir: string;
  /** UUIDs or prefixes */
  pods: readonly string[];
  debug: boolean;
  localConfig: string;
}

/** Move the pod to its garbage directory as rkt's removePod does; a message when it must stay. */
function markForRemoval(dataDir: string, uuid: string, io: PodsIo): string | undefined {
  const state = locatePod(dataDir, uuid)?.state;
  let marked: MarkResult = 'moved';
  switch (state) {
    case undefined:
      return `cannot get pod: pod "${uuid}" was not present`;
    case 'running':
      return `pod "${uuid}" is currently running`;
    case 'embryo':
    case 'preparing':
      return `pod "${uuid}" is currently being prepared`;
    case 'deleting':
    case 'exited deleting':
      return `pod "${uuid}" is currently being deleted`;
    case 'aborted prepare':
    case 'prepared':
      warn(
        'rm',
        state === 'prepared'
          ? `moving expired prepared pod "${uuid}" to garbage`
          : `moving failed prepare "${uuid}" to garbage`,
        io.stderr,
      );
      marked = discardUnstarted(dataDir, uuid);
      break;
    case 'exited':
      marked = markExitedGarbage(dataDir, uuid);
      break;
    case 'exited garbage':
    case 'garbage':
      break;
  }
  return marked === 'locked' ? `pod "${uuid}" is in use (its lock is held)` : undefined;
}

/**
 * `rkt rm`: delete pods that are not running, now (no grace period). `"<uuid>"` per removed pod;
 * 254 when any could not be removed.
 */
export async function rmCommand(o: RmOptions, io: PodsIo): Promise<number> {
  let failed = false;
  for (const arg of o.pods) {
    let uuid: string;
    try {
      uuid = resolvePod(o.dataDir, arg, 'cannot get pod');
    } catch (e) {
      failed = true;
      warn('rm', (e as Error).message, io.stderr);
      continue;
    }
    const refusal = markForRemoval(o.dataDir, uuid, io);
    const pod = refusal === undefined ? await lockForDeletion(o.dataDir, uuid) : undefined;
    if (refusal !== undefined || pod === undefined) {
      failed = true;
      warn('rm', refusal ?? `unable to acquire exclusive lock on pod "${uuid}"`, io.stderr);
      continue;
    }
    const opts = { prog: 'rm', debug: o.debug, localConfig: o.localConfig, stderr: io.stderr };
    if (await deletePod(pod, opts)) io.stdout.write(`"${uuid}"\n`);
    else failed = true;
  }
  if (!failed) return 0;
  warn('rm', 'failed to remove one or more pods', io.stderr);
  return 254;
}
