// Shared by the pod end-to-end tests: a data dir per test, `rkt run` in the background, the process
// tree of a pod, and a cleanup that kills (by PID) whatever a test started and removes its dirs.
// These tests exercise the pod lifecycle on stage1-fly: `run` and `prepare` get
// --stage1-path=bin/stage1-fly.aci unless a test picks a stage1 itself. stage1-default (the engine's
// default) has its own suites, test/stage1-default*.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { testImages } from './helpers/images.js';
import { RKT, rkt, type Run, type RunOptions } from './helpers/rkt.js';

export { testImages };

export interface Background {
  child: ChildProcess;
  done: Promise<Run>;
}

const started: Background[] = [];
const dirs: string[] = [];

/** Direct children of `pid` (every thread's), from /proc; [] once it is gone. */
export function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
        .split(' ')
        .filter((s) => s.trim() !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** `pid` and all its descendants. */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(processTree)];
}

export function comm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

export function exe(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return '';
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kill a process we started and everything below it, leaves first. */
export function killTree(pid: number): void {
  for (const p of processTree(pid).reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Processes whose root directory lies in `dir`: apps of its pods (and commands entered into them). */
export function processesRootedIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/root`).startsWith(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A fresh data dir per call; after each test, what the test started is killed and the dirs removed. */
export function usePodDirs(prefix = 'rkt-e2e-pod-'): () => Promise<string> {
  afterEach(async () => {
    for (const b of started.splice(0)) {
      if (b.child.pid !== undefined && b.child.exitCode === null && b.child.signalCode === null)
        killTree(b.child.pid);
      await b.done;
    }
    for (const dir of dirs.splice(0)) {
      for (const pid of processesRootedIn(dir)) process.kill(pid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** The fly stage1 built next to the binaries; it lies in the built-in stage1 dir, so it needs no signature. */
export const FLY_STAGE1 = join(dirname(RKT), 'stage1-fly.aci');

/** `run`/`prepare` arguments with the fly stage1 selected, unless they select one already. */
export function onFly(args: readonly string[]): string[] {
  const at = args.findIndex((a) => !a.startsWith('-'));
  const command = args[at];
  if ((command !== 'run' && command !== 'prepare') || args.some((a) => a.startsWith('--stage1-')))
    return [...args];
  return [...args.slice(0, at + 1), `--stage1-path=${FLY_STAGE1}`, ...args.slice(at + 1)];
}

export function rktIn(dir: string, args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return rkt([`--dir=${dir}`, ...onFly(args)], opts);
}

/** Start `rkt --dir=DIR ARGS` in the background, output captured. */
export function startRkt(dir: string, args: readonly string[]): Background {
  const child = spawn(RKT, [`--dir=${dir}`, ...onFly(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // resolves at exit: a leftover process holding the pipes must fail a test, not hang it
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const settle = () => resolve({ code, signal, stdout, stderr });
      const timer = setTimeout(settle, 2000);
      child.on('close', () => {
        clearTimeout(timer);
        settle();
      });
    });
  });
  const b = { child, done };
  started.push(b);
  return b;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PodJson {
  name: string;
  state: string;
  apps?: { name: string; state: string; exit_code?: number }[];
}

export async function listJson(dir: string): Promise<PodJson[]> {
  const r = await rktIn(dir, ['list', '--format=json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as PodJson[] | null) ?? [];
}

/** Poll `rkt list` until some pod is in `state`; its UUID. */
export async function waitForState(dir: string, state: string, timeoutMs = 15_000): Promise<string> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50)) {
    const pod = (await listJson(dir)).find((p) => p.state === state);
    if (pod) return pod.name;
  }
  throw new Error(`no pod reached state "${state}" in ${dir}`);
}

/** The app's pid once the pod runs (`status` shows it). */
export async function podPid(dir: string, uuid: string): Promise<number> {
  const r = await rktIn(dir, ['status', uuid]);
  const pid = /^pid=(\d+)$/m.exec(r.stdout)?.[1];
  if (pid === undefined) throw new Error(`no pid in status: ${r.stdout}${r.stderr}`);
  return Number(pid);
}

/** `rkt run` of the busybox image running `sleep 600`, in the background; resolves once it runs. */
export async function runSleeper(
  dir: string,
  extra: readonly string[] = [],
): Promise<{ run: Background; uuid: string; pid: number }> {
  const run = startRkt(dir, [
    '--insecure-options=image',
    'run',
    ...extra,
    testImages().busybox.path,
    '--exec=/bin/sleep',
    '--',
    '600',
  ]);
  const uuid = await Promise.race([
    waitForState(dir, 'running'),
    run.done.then((r) => {
      throw new Error(`rkt run ended: ${JSON.stringify(r)}`);
    }),
  ]);
  return { run, uuid, pid: await podPid(dir, uuid) };
}

/** Mount points under `path` in this mount namespace. */
export function mountsUnder(path: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((p) => p.startsWith(path));
}

/** The pod directories left in a data dir (every state). */
export function podDirsLeft(dir: string): string[] {
  const left: string[] = [];
  for (const state of ['embryo', 'prepare', 'prepared', 'run', 'exited-garbage', 'garbage']) {
    try {
      left.push(...readdirSync(join(dir, 'pods', state)).map((u) => `${state}/${u}`));
    } catch {
      // never created
    }
  }
  return left;
}
