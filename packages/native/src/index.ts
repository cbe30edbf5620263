import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSystemErrorName } from 'node:util';

interface Binding {
  flock(fd: number, op: number): number;
  mknod(path: string, mode: number, major: number, minor: number): number;
  syncfs(fd: number): number;
  execve(path: string, argv: string[], envp: string[], keepFds: (number | [number, number])[]): number;
}

const LOCK_SH = 1;
const LOCK_EX = 2;
const LOCK_NB = 4;
const LOCK_UN = 8;
const EWOULDBLOCK = 11;

export type LockMode = 'shared' | 'exclusive';

let binding: Binding | undefined;

/**
 * The addon sits next to the running bundle (bin/, or wherever `make install` put it); from source
 * (unit tests) it is the one the build compiled into build/. RKT_NATIVE overrides both.
 */
function load(): Binding {
  if (binding) return binding;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.RKT_NATIVE,
    join(here, 'rkt-native.node'),
    join(here, '../../../build/rkt-native.node'),
  ];
  const path = candidates.find((p): p is string => p !== undefined && existsSync(p));
  if (path === undefined)
    throw new Error(
      `rkt-native.node not found (looked in ${candidates.filter(Boolean).join(', ')}); run make`,
    );
  binding = createRequire(import.meta.url)(path) as Binding;
  return binding;
}

/** Errors shaped like Node's own fs errors (`code`, `errno`, `syscall`, `path`). */
function check(rc: number, syscall: string, target: string | number): void {
  if (rc === 0) return;
  const code = getSystemErrorName(rc);
  const err = new Error(`${code}: ${syscall} ${target}`) as NodeJS.ErrnoException;
  Object.assign(err, { errno: rc, code, syscall }, typeof target === 'string' ? { path: target } : {});
  throw err;
}

/** Take a flock without waiting; false when another open file description holds a conflicting one. */
export function tryLock(fd: number, mode: LockMode): boolean {
  const rc = load().flock(fd, (mode === 'shared' ? LOCK_SH : LOCK_EX) | LOCK_NB);
  if (rc === -EWOULDBLOCK) return false;
  check(rc, 'flock', fd);
  return true;
}

/**
 * Wait for a flock without blocking the event loop: retry a non-blocking attempt with a growing
 * pause (1 ms up to 50 ms). rkt's lockers hold their locks briefly, so waits are short.
 */
export async function lock(fd: number, mode: LockMode): Promise<void> {
  for (let pause = 1; !tryLock(fd, mode); pause = Math.min(pause * 2, 50)) {
    await new Promise((r) => setTimeout(r, pause));
  }
}

export function unlock(fd: number): void {
  check(load().flock(fd, LOCK_UN), 'flock', fd);
}

/** Create a device node or fifo: `mode` includes the file type bits (S_IFCHR, S_IFBLK, S_IFIFO). */
export function mknod(path: string, mode: number, major: number, minor: number): void {
  check(load().mknod(path, mode, major, minor), 'mknod', path);
}

/** Flush every dirty page of the file system that holds `fd`. */
export function syncfs(fd: number): void {
  check(load().syncfs(fd), 'syncfs', fd);
}

/**
 * Replace this process with `path` (no return on success), keeping `keepFds` open across the exec
 * (e.g. the pod lock); an entry `[from, to]` keeps `from` as fd `to` instead (shell scripts can only
 * name fds 0-9). Signal dispositions, the signal mask and stdio blocking mode are reset to what a
 * freshly started program expects. Flush stdout/stderr before calling: pending writes are lost.
 */
export function execve(
  path: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  keepFds: readonly (number | [number, number])[] = [],
): never {
  const envp = Object.entries(env)
    .filter((kv): kv is [string, string] => kv[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  check(load().execve(path, [...argv], envp, [...keepFds]), 'execve', path);
  throw new Error('execve returned without an error');
}
