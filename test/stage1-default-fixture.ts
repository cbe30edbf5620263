// Pods of the default stage1 run for real through `rkt run --stage1-path=<copy of bin/stage1-default.aci>`,
// each test with its own --dir. Background pods are started in their own process group; whatever a
// test leaves running is stopped with the stage1's own stop (--force) and collected by its gc entrypoint.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { STAGE1_DEFAULT_ACI } from '@rkt/stage1-default';
import { RKT, type Run } from './helpers/rkt.js';

const BUILT_ACI = resolve(import.meta.dirname, '../bin', STAGE1_DEFAULT_ACI);
let stage1Aci = BUILT_ACI;

/** Work on a copy of the built stage1 image for the whole file (bin/ is rebuilt by others' builds). */
export function useStage1DefaultCopy(): void {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rkt-e2e-s1d-aci-'));
    stage1Aci = join(dir, STAGE1_DEFAULT_ACI);
    await copyFile(BUILT_ACI, stage1Aci);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    stage1Aci = BUILT_ACI;
    // the shared parent of every pod's cgroups: gone if no pod is left anywhere
    for (const m of await cgroupMounts()) await rmdir(join(m, 'rkt')).catch(() => undefined);
  });
}

/** `rkt --dir=DIR --insecure-options=image[,EXTRA] run --stage1-path=... ARGS`. */
export function runArgs(dir: string, args: readonly string[], insecure = ''): string[] {
  return [
    `--dir=${dir}`,
    `--insecure-options=image${insecure ? `,${insecure}` : ''}`,
    'run',
    `--stage1-path=${stage1Aci}`,
    ...args,
  ];
}

export interface Pod {
  dir: string;
  child: ChildProcess;
  /** when stdout and stderr are closed too (apps of a crashed pod may still hold them) */
  done: Promise<Run>;
  /** when the rkt process itself has ended */
  exited: Promise<void>;
}

const started: Pod[] = [];

/** Start `rkt run` in the background (own process group); `input` goes to its stdin. */
export function startPod(dir: string, args: readonly string[], insecure = '', input = ''): Pod {
  const child = spawn(RKT, runArgs(dir, args, insecure), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const done = new Promise<Run>((res, rej) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const pod = { dir, child, done, exited };
  started.push(pod);
  return pod;
}

/** The running pod's dir and uuid once its `pid` file (the pause) exists. */
export async function waitRunning(
  dir: string,
  timeoutMs = 10_000,
): Promise<{ podDir: string; uuid: string; pid: number }> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(20)) {
    for (const uuid of await readdir(join(dir, 'pods/run')).catch(() => [] as string[])) {
      const podDir = join(dir, 'pods/run', uuid);
      const text = await readFile(join(podDir, 'pid'), 'utf8').catch(() => '');
      if (/^\d+\n$/.test(text)) return { podDir, uuid, pid: Number(text) };
    }
  }
  throw new Error(`no running pod in ${dir}`);
}

/** The pid of a pod's app once its container runs (crun state). */
export function waitApp(podDir: string, uuid: string, app: string): Promise<number> {
  return until(async () => {
    try {
      return appPid(podDir, uuid, app);
    } catch {
      return undefined;
    }
  });
}

/** The only pod of a --dir (any state). */
export async function onlyPod(dir: string): Promise<{ podDir: string; uuid: string }> {
  for (const state of ['run', 'exited-garbage', 'prepared']) {
    const uuids = await readdir(join(dir, 'pods', state)).catch(() => [] as string[]);
    if (uuids[0] !== undefined) return { podDir: join(dir, 'pods', state, uuids[0]), uuid: uuids[0] };
  }
  throw new Error(`no pod in ${dir}`);
}

/** Run a stage1 entrypoint of the pod the way stage0 does: cwd = the pod dir. */
export function entrypoint(podDir: string, name: string, args: readonly string[], input = ''): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(join(podDir, 'stage1/rootfs', name), args, { cwd: podDir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Stop what a test left running (stage1 stop --force), then let the stage1's gc collect every pod. */
export function cleanUpPods(): void {
  afterEach(async () => {
    for (const pod of started.splice(0)) {
      if (pod.child.exitCode === null && pod.child.signalCode === null) {
        const p = await waitRunning(pod.dir, 1000).catch(() => undefined);
        if (p !== undefined) await entrypoint(p.podDir, 'stop', ['--force', p.uuid]);
        const timer = setTimeout(() => pod.child.pid && process.kill(-pod.child.pid, 'SIGKILL'), 15_000);
        await pod.done;
        clearTimeout(timer);
      }
      for (const state of ['run', 'exited-garbage']) {
        for (const uuid of await readdir(join(pod.dir, 'pods', state)).catch(() => [] as string[])) {
          const podDir = join(pod.dir, 'pods', state, uuid);
          if (await stat(join(podDir, 'stage1/rootfs/gc')).catch(() => undefined))
            await entrypoint(podDir, 'gc', [uuid]);
        }
      }
    }
  });
}

export async function cgroupMounts(): Promise<string[]> {
  return (await readFile('/proc/self/mountinfo', 'utf8'))
    .split('\n')
    .filter((l) => / - cgroup2? /.test(l))
    .map((l) => l.split(' ')[4] ?? '');
}

/** What a pod may leave on the host once it has ended: nothing. */
export async function hostLeftovers(dir: string, podDir: string, uuid: string): Promise<string[]> {
  const out: string[] = [];
  for (const m of await cgroupMounts())
    if (await stat(join(m, 'rkt', uuid)).catch(() => undefined)) out.push(`cgroup ${m}/rkt/${uuid}`);
  for (const l of (await readFile('/proc/self/mountinfo', 'utf8')).split('\n'))
    if (l.includes(dir)) out.push(`mount ${l}`);
  if (await stat(join(podDir, 'ns')).catch(() => undefined)) out.push('ns link');
  for (const c of await readdir(join(podDir, 'crun')).catch(() => [] as string[]))
    out.push(`crun state ${c}`);
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cg = await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => '');
    // a zombie is dead already (this host's PID 1 reaps the detached pause lazily)
    const state = (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')).replace(/^.*\) /s, '')[0];
    if (cg.includes(`/rkt/${uuid}`) && state !== 'Z') out.push(`process ${pid}`);
  }
  return out;
}

/** A pod's app process (crun state), for reading its /proc from the host. */
export function appPid(podDir: string, uuid: string, app: string): number {
  const state = execFileSync('crun', ['--root', join(podDir, 'crun'), 'state', `${uuid}-${app}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(state) as { pid: number }).pid;
}

/** Field of /proc/<pid>/status-like text. */
export function field(status: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1];
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until `check` returns a value (not undefined). */
export async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(25)) {
    const v = await check();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
}
