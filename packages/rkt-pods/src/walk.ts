import { RktError, warn, type TextSink } from '@rkt/common';
import { walkPods, type PodDir, type PodRef } from '@rkt/pod';

/**
 * The pods of one state directory for a gc step. Stray entries are reported and skipped; a
 * directory that cannot be read fails the whole command (GC_WALK: `failed to <what>: ...`, 254).
 */
export function podsIn(dataDir: string, dir: PodDir, what: string, stderr: TextSink): PodRef[] {
  let walked;
  try {
    walked = walkPods(dataDir, [dir]);
  } catch (e) {
    throw new RktError('GC_WALK', `failed to ${what}: ${(e as Error).message}`, { cause: e });
  }
  walked.errors.forEach((e) => warn('gc', e.message, stderr));
  return walked.pods;
}
