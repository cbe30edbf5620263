import type { TextSink } from '@rkt/common';
import { markAborted, markExited, markExpired } from './gc-mark.js';
import { sweepExitedGarbage, sweepGarbage } from './gc-sweep.js';

export interface GcOptions {
  dataDir: string;
  /** ms; rkt's default 30m */
  gracePeriodMs: number;
  /** ms; rkt's default 24h */
  expirePreparedMs: number;
  markOnly: boolean;
  debug: boolean;
  localConfig: string;
  /** the clock, in ms since the epoch; default Date.now */
  now?: () => number;
}

/**
 * `rkt gc`: mark (exited pods to exited-garbage/, aborted prepares and expired prepared pods to
 * garbage/), then sweep (delete exited garbage past its grace period and all garbage). Linear in the
 * number of pods. Per-pod problems are printed and skipped; only a state directory that cannot be
 * read fails the command (GC_WALK, 254).
 */
export async function gcPods(o: GcOptions, io: { stdout: TextSink; stderr: TextSink }): Promise<number> {
  const now = o.now ?? Date.now;
  const mark = { dataDir: o.dataDir, now, stderr: io.stderr, expirePreparedMs: o.expirePreparedMs };
  markExited(mark);
  markAborted(mark);
  if (o.markOnly) return 0;
  markExpired(mark);
  const sweep = {
    ...mark,
    ...io,
    gracePeriodMs: o.gracePeriodMs,
    debug: o.debug,
    localConfig: o.localConfig,
  };
  await sweepExitedGarbage(sweep);
  await sweepGarbage(sweep);
  return 0;
}
