import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoDuration } from '@rkt/rkt-image';
import { RktError } from '@rkt/common';
import { isAfterRun, locatePod, POD_FILES, readPodPid, stage1RootfsDir, nodeOs } from '@rkt/pod';
import { parseGoBool } from './flags.js';

/** rkt's poll interval for every wait on a pod. */
export const POLL_MS = 100;

/**
 * `--wait` / `--wait-ready` values (rkt's parseDuration): "" or a true bool = forever (-1), a false
 * bool = none (0), else a Go duration (< 0 = forever). Milliseconds.
 */
export function parseWaitDuration(flagName: string, value: string): number {
  if (value === '') return -1;
  const b = parseGoBool(value);
  if (b !== undefined) return b ? -1 : 0;
  try {
    const ms = parseGoDuration(value);
    return ms < 0 ? -1 : ms;
  } catch (e) {
    throw new RktError(
      'USAGE',
      `invalid argument ${JSON.stringify(value)} for --${flagName}: ${(e as Error).message}`,
    );
  }
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Poll `done` every 100 ms until it returns true or `timeoutMs` passes (< 0: never; 0 is the
 * caller's "do not wait"). The error reads like Go's context deadline.
 */
export async function pollUntil(
  done: () => boolean,
  timeoutMs: number,
  pause: Sleep = realSleep,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (timeoutMs >= 0 && Date.now() >= end)
      throw new RktError('POD_WAIT_TIMEOUT', 'context deadline exceeded');
    await pause(POLL_MS);
  }
}

/** `--wait`: done once the pod is after-run (its lock free and it ran), or gone. */
export function podFinished(dataDir: string, uuid: string): boolean {
  const ref = locatePod(dataDir, uuid);
  return ref === undefined || isAfterRun(ref.state);
}

/**
 * `--wait-ready`: the stage1's supervisor reports `ready` (rkt's `rkt/supervisor-status` link), or,
 * for a stage1 without a supervisor (fly), the pod runs and its app's pid is recorded. A pod that
 * is over will never be ready: POD_NOT_RUNNING.
 */
export function podReady(dataDir: string, uuid: string): boolean {
  const ref = locatePod(dataDir, uuid);
  if (ref === undefined || isAfterRun(ref.state))
    throw new RktError('POD_NOT_RUNNING', `pod "${uuid}" is not running`);
  if (ref.state !== 'running') return false;
  const rootfs = stage1RootfsDir(nodeOs, ref.path) ?? join(ref.path, POD_FILES.stage1Rootfs);
  try {
    if (readlinkSync(join(rootfs, 'rkt', 'supervisor-status')) === 'ready') return true;
  } catch {
    // no supervisor: the recorded pid is the sign of life
  }
  return readPodPid(ref.path) !== undefined;
}
