import { podPath } from './layout.js';
import { movePod } from './move.js';
import { isMissing, nodeOs, type PodOs } from './os.js';
import type { PodDir } from './states.js';

/**
 * What a gc mark did: `moved`; `locked` = someone holds the pod (running, being prepared, being
 * started), left alone; `young` = a prepared pod within its expiry; `gone` = not in the expected
 * directory (never was, or another gc moved it first).
 */
export type MarkResult = 'moved' | 'locked' | 'young' | 'gone';

export const DEFAULT_EXPIRE_PREPARED_MS = 24 * 60 * 60 * 1000;

/**
 * Move `from/<uuid>` to `to/` only while holding its exclusive lock: a pod whose lock is held by
 * anyone (a live stage1, a preparer, run-prepared) is never touched, and the rename cannot race
 * with one of them.
 */
function moveIfFree(os: PodOs, dataDir: string, uuid: string, from: PodDir, to: PodDir): MarkResult {
  const fd = os.openDir(podPath(dataDir, from, uuid));
  if (fd === undefined) return 'gone';
  try {
    if (!os.tryLock(fd, 'exclusive')) return 'locked';
    movePod(os, dataDir, uuid, from, to);
    return 'moved';
  } catch (e) {
    if (isMissing(e)) return 'gone';
    throw e;
  } finally {
    os.close(fd);
  }
}

/** gc mark of an exited pod: run/<uuid> -> exited-garbage/ (the rename's ctime starts the grace period). */
export function markExitedGarbage(dataDir: string, uuid: string, os: PodOs = nodeOs): MarkResult {
  return moveIfFree(os, dataDir, uuid, 'run', 'exited-garbage');
}

export interface MarkGarbageOptions {
  os?: PodOs;
  /** prepared pods whose directory ctime is older than this go to garbage; default 24 h */
  expirePreparedMs?: number;
  /** ms since the epoch; default now */
  now?: number;
}

/**
 * gc mark of a pod that never ran: an aborted prepare (prepare/<uuid>, unlocked) or a prepared pod
 * older than the expiry (prepared/<uuid>) -> garbage/.
 */
export function markGarbage(dataDir: string, uuid: string, options: MarkGarbageOptions = {}): MarkResult {
  const os = options.os ?? nodeOs;
  const fromPrepare = moveIfFree(os, dataDir, uuid, 'prepare', 'garbage');
  if (fromPrepare !== 'gone') return fromPrepare;
  const st = os.stat(podPath(dataDir, 'prepared', uuid));
  if (st === undefined) return 'gone';
  const expireMs = BigInt(options.expirePreparedMs ?? DEFAULT_EXPIRE_PREPARED_MS);
  const nowNs = BigInt(options.now ?? Date.now()) * 1_000_000n;
  if (nowNs <= st.ctimeNs + expireMs * 1_000_000n) return 'young';
  return moveIfFree(os, dataDir, uuid, 'prepared', 'garbage');
}
