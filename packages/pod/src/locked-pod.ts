import { podPath } from './layout.js';
import { movePod } from './move.js';
import type { PodOs } from './os.js';
import { removePodDir, type RemovePodOptions } from './remove.js';
import type { PodDir } from './states.js';

/**
 * A pod whose directory this process holds under an exclusive flock. `fd` is the locked directory
 * descriptor: `rkt run` hands it to stage1 across execve (clear its O_CLOEXEC and export
 * RKT_LOCK_FD=<fd>), so the lock lives exactly as long as the pod's process tree.
 */
export class LockedPod {
  #dir: PodDir;
  #fd: number | undefined;

  constructor(
    readonly dataDir: string,
    readonly uuid: string,
    dir: PodDir,
    fd: number,
    private readonly os: PodOs,
  ) {
    this.#dir = dir;
    this.#fd = fd;
  }

  get dir(): PodDir {
    return this.#dir;
  }

  get path(): string {
    return podPath(this.dataDir, this.#dir, this.uuid);
  }

  get fd(): number {
    if (this.#fd === undefined) throw new Error(`pod ${this.uuid}: lock already released`);
    return this.#fd;
  }

  /**
   * prepare/ -> prepared/, then release the lock: the pod waits for `run-prepared`. By default the
   * file system is synced first (syncfs), so a prepared pod is complete on disk. On error the
   * handle keeps its lock: release() it.
   */
  toPrepared(options: { sync?: boolean } = {}): void {
    this.expect('prepare', 'toPrepared');
    if (options.sync ?? true) this.os.syncfs(this.fd);
    movePod(this.os, this.dataDir, this.uuid, 'prepare', 'prepared');
    this.#dir = 'prepared';
    this.release();
  }

  /** prepare/ -> run/, keeping the lock (`rkt run` goes straight from preparing to running). */
  toRun(): void {
    this.expect('prepare', 'toRun');
    movePod(this.os, this.dataDir, this.uuid, 'prepare', 'run');
    this.#dir = 'run';
  }

  /**
   * Delete a garbage pod held for deletion (see lockForDeletion), then release the lock. On error
   * the lock is released too and the pod stays for a later gc.
   */
  async remove(options: RemovePodOptions = {}): Promise<void> {
    if (this.#dir !== 'exited-garbage' && this.#dir !== 'garbage') {
      throw new Error(`pod ${this.uuid}: only garbage pods can be removed (it is in ${this.#dir}/)`);
    }
    try {
      await removePodDir(this.path, { ...options, os: this.os });
    } finally {
      this.release();
    }
  }

  /** Unlock and close; idempotent. */
  release(): void {
    const fd = this.#fd;
    if (fd === undefined) return;
    this.#fd = undefined;
    try {
      this.os.unlock(fd);
    } finally {
      this.os.close(fd);
    }
  }

  private expect(dir: PodDir, op: string): void {
    if (this.#dir !== dir)
      throw new Error(`pod ${this.uuid}: ${op} needs the pod in ${dir}/, it is in ${this.#dir}/`);
  }
}
