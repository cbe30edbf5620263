import { closeSync, constants, fstatSync, openSync, unlinkSync } from 'node:fs';
import { lock, tryLock, type LockMode } from '@rkt/native';

/** A held flock; closing the descriptor releases it. Releasing twice is harmless. */
export class HeldLock {
  private released = false;

  constructor(readonly fd: number) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    closeSync(this.fd);
  }
}

/**
 * Lock a key-lock file (`imagelocks/<key>`, `treestorelocks/<id>`) as rkt does: open it
 * O_RDONLY|O_CREAT, flock it, and start over if it was unlinked in between (a cleaner removes
 * unused lock files while holding them, so a lock on an unlinked file protects nothing).
 * `wait: false` returns undefined instead of waiting for a conflicting holder.
 */
export async function lockKey(path: string, mode: LockMode, wait = true): Promise<HeldLock | undefined> {
  for (;;) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_CREAT, 0o660);
    let held: boolean;
    try {
      if (wait) await lock(fd, mode);
      held = wait || tryLock(fd, mode);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (!held) {
      closeSync(fd);
      return undefined;
    }
    if (fstatSync(fd).nlink > 0) return new HeldLock(fd);
    closeSync(fd);
  }
}

export async function withKeyLock<T>(path: string, mode: LockMode, fn: () => Promise<T> | T): Promise<T> {
  const held = (await lockKey(path, mode)) as HeldLock;
  try {
    return await fn();
  } finally {
    held.release();
  }
}

/** Try an exclusive lock on an existing file or directory; undefined when held elsewhere or gone. */
export function tryLockPath(path: string): HeldLock | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    if (isMissing(e) || (e as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    throw e;
  }
  if (tryLock(fd, 'exclusive') && fstatSync(fd).nlink > 0) return new HeldLock(fd);
  closeSync(fd);
  return undefined;
}

/** Unlink a key-lock file while holding it (see lockKey), then release it. */
export function unlinkHeld(path: string, held: HeldLock): void {
  try {
    unlinkSync(path);
  } finally {
    held.release();
  }
}

export function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'ENOENT';
}
