import { statSync } from 'node:fs';
import { warn, type TextSink } from '@rkt/common';
import { markExitedGarbage, markGarbage, podPath, type MarkResult } from '@rkt/pod';
import { podsIn } from './walk.js';

export interface MarkOptions {
  dataDir: string;
  /** prepared pods older than this (ms, by directory ctime) are discarded */
  expirePreparedMs: number;
  /** ms since the epoch, asked at each decision */
  now: () => number;
  stderr: TextSink;
}

/**
 * A prepared or aborted pod to garbage/ whatever its age (unless someone holds its lock): the
 * caller decided it expired. An expiry of zero from a moment after any ctime.
 */
export function discardUnstarted(dataDir: string, uuid: string): MarkResult {
  return markGarbage(dataDir, uuid, { expirePreparedMs: 0, now: Date.now() + 1000 });
}

/** Whether `ctimeNs + periodMs` is past; a period of zero or less is always past (rkt's "0s"). */
export function expired(ctimeNs: bigint, periodMs: number, nowMs: number): boolean {
  if (periodMs <= 0) return true;
  return BigInt(nowMs) * 1_000_000n > ctimeNs + BigInt(Math.round(periodMs * 1e6));
}

function say(o: MarkOptions, message: string): void {
  warn('gc', message, o.stderr);
}

function report(o: MarkOptions, mark: () => unknown): void {
  try {
    mark();
  } catch (e) {
    say(o, `rename error: ${(e as Error).message}`);
  }
}

/** gc mark, step 1: exited pods (run/, lock free) to exited-garbage/, starting their grace period. */
export function markExited(o: MarkOptions): void {
  for (const pod of podsIn(o.dataDir, 'run', 'rename exited pods', o.stderr)) {
    if (pod.state !== 'exited') continue;
    say(o, `moving pod "${pod.uuid}" to garbage`);
    report(o, () => markExitedGarbage(o.dataDir, pod.uuid));
  }
}

/** gc mark, step 2: prepares that died (prepare/, lock free) to garbage/. */
export function markAborted(o: MarkOptions): void {
  for (const pod of podsIn(o.dataDir, 'prepare', 'rename aborted pods', o.stderr)) {
    if (pod.state !== 'aborted prepare') continue;
    say(o, `moving failed prepare "${pod.uuid}" to garbage`);
    report(o, () => markGarbage(o.dataDir, pod.uuid));
  }
}

/** gc mark, step 3 (not with --mark-only): prepared pods past their expiry to garbage/. */
export function markExpired(o: MarkOptions): void {
  for (const pod of podsIn(o.dataDir, 'prepared', 'rename expired prepared pods', o.stderr)) {
    let ctimeNs: bigint;
    try {
      ctimeNs = statSync(podPath(o.dataDir, 'prepared', pod.uuid), { bigint: true }).ctimeNs;
    } catch {
      continue; // gone meanwhile
    }
    if (!expired(ctimeNs, o.expirePreparedMs, o.now())) continue;
    say(o, `moving expired prepared pod "${pod.uuid}" to garbage`);
    report(o, () => discardUnstarted(o.dataDir, pod.uuid));
  }
}
