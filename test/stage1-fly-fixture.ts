// A fly pod built by hand the way `rkt prepare` will: a pod dir with the stage1 tree copied from the
// built stage1-fly ACI, app trees extracted from test images (overlay lower outside the pod, or a copy
// inside it), the pod manifest, and the planner's plan. Entry points run with the pod dir as cwd; run
// gets the pod dir locked exclusively on fd 3 (RKT_LOCK_FD=3), as stage0 hands it over.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  decodeImageManifest,
  encodePodManifest,
  type App,
  type Mount,
  type PodManifest,
  type Volume,
} from '@rkt/appc';
import { tryLock } from '@rkt/native';
import { planPod, readStage1Info, writePodPlan, type PlanAppInput, type PodPlan } from '@rkt/stage1';
import { STAGE1_FLY_ACI } from '@rkt/stage1-fly';

const BUILT_ACI = process.env.RKT_STAGE1_FLY_ACI ?? resolve(import.meta.dirname, '../bin', STAGE1_FLY_ACI);
let stage1Aci = BUILT_ACI;

/** Work on a copy of the built stage1 image for the whole file (bin/ is rebuilt by others' builds). */
export function useStage1Copy(): void {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rkt-e2e-fly-aci-'));
    stage1Aci = join(dir, STAGE1_FLY_ACI);
    await copyFile(BUILT_ACI, stage1Aci);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    stage1Aci = BUILT_ACI;
  });
}

export interface FlyAppSpec {
  name: string;
  /** path of the app's ACI */
  image: string;
  app?: App;
  readOnlyRootFS?: boolean;
  mounts?: Mount[];
}

export interface FlyPod {
  base: string;
  podDir: string;
  uuid: string;
  plan: PodPlan;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

export async function makeFlyPod(
  base: string,
  apps: FlyAppSpec[],
  opts: { volumes?: Volume[]; overlay?: boolean } = {},
): Promise<FlyPod> {
  const uuid = randomUUID();
  const podDir = join(base, 'pods/run', uuid);
  await mkdir(join(podDir, 'stage1'), { recursive: true, mode: 0o750 });
  execFileSync('tar', ['-xzf', stage1Aci, '-C', join(podDir, 'stage1')]);
  const stage1 = readStage1Info(decodeImageManifest(await readFile(join(podDir, 'stage1/manifest'))));
  const inputs: PlanAppInput[] = [];
  for (const a of apps) {
    const overlay = opts.overlay ?? true;
    const dir = overlay ? join(base, 'tree', a.name) : join(podDir, 'stage1/rootfs/opt/stage2', a.name);
    await mkdir(dir, { recursive: true });
    execFileSync('tar', ['-xzf', a.image, '-C', dir]);
    const imageManifest = decodeImageManifest(await readFile(join(dir, 'manifest')));
    const rootfs = overlay
      ? { kind: 'overlay' as const, lower: join(dir, 'rootfs'), treeStoreId: `deps-test-${a.name}` }
      : { kind: 'copy' as const };
    inputs.push({ name: a.name, imageManifest, rootfs });
  }
  const manifest: PodManifest = {
    acVersion: '1.31.0-dev',
    acKind: 'PodManifest',
    apps: apps.map((a, i) => ({
      name: a.name,
      image: { name: inputs[i]?.imageManifest.name ?? '' },
      ...(a.app ? { app: a.app } : {}),
      ...(a.readOnlyRootFS ? { readOnlyRootFS: true } : {}),
      ...(a.mounts ? { mounts: a.mounts } : {}),
    })),
    ...(opts.volumes ? { volumes: opts.volumes } : {}),
  };
  await writeFile(join(podDir, 'pod'), encodePodManifest(manifest), { mode: 0o640 });
  const plan = await planPod({ uuid, podDir, manifest, stage1, apps: inputs });
  await writePodPlan(podDir, plan);
  return { base, podDir, uuid, plan };
}

const started: { pod: FlyPod; run: Running }[] = [];

/** Runs still going after a test are killed (the app by the pid file, then the run entrypoint). */
export function killLeftoverRuns(): void {
  afterEach(async () => {
    for (const { pod, run } of started.splice(0)) {
      if (run.child.exitCode !== null || run.child.signalCode !== null) continue;
      const pid = await readFile(join(pod.podDir, 'pid'), 'utf8').catch(() => '');
      if (/^\d+\n$/.test(pid)) process.kill(Number(pid), 'SIGKILL');
      run.child.kill('SIGKILL');
      await run.done;
    }
  });
}

/** Start the run entrypoint holding the pod lock on fd 3, as stage0 does after its exec. */
export function startRun(pod: FlyPod, args: string[] = ['--net=default', pod.uuid], input = ''): Running {
  const fd = openSync(pod.podDir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    if (!tryLock(fd, 'exclusive')) throw new Error(`${pod.podDir} is locked`);
    const child = spawn(join(pod.podDir, 'stage1/rootfs/run'), args, {
      cwd: pod.podDir,
      env: { ...process.env, RKT_LOCK_FD: '3' },
      stdio: ['pipe', 'pipe', 'pipe', fd],
    });
    const run = { child, done: collect(child, input) };
    started.push({ pod, run });
    return run;
  } finally {
    closeSync(fd);
  }
}

/** Run another entrypoint (enter, stop, gc) to completion, cwd = the pod dir. */
export function runEntrypoint(pod: FlyPod, name: string, args: string[], input = ''): Promise<Finished> {
  return collect(spawn(join(pod.podDir, 'stage1/rootfs', name), args, { cwd: pod.podDir }), input);
}

function collect(child: ChildProcess, input: string): Promise<Finished> {
  return new Promise((res, rej) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', rej);
    child.stdin?.on('error', () => undefined); // EPIPE when the entrypoint exits without reading
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    child.stdin?.end(input);
  });
}

/** The app's pid once the run entrypoint has written it. */
export async function waitForPid(pod: FlyPod, timeoutMs = 5000): Promise<number> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    const text = await readFile(join(pod.podDir, 'pid'), 'utf8').catch(() => '');
    if (/^\d+\n$/.test(text)) return Number(text.trim());
  }
  throw new Error(`no pid file in ${pod.podDir}`);
}

/** Is the pod dir's flock free? (What `rkt gc` asks: free means the pod is dead.) */
export function lockIsFree(pod: FlyPod): boolean {
  const fd = openSync(pod.podDir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    return tryLock(fd, 'exclusive');
  } finally {
    closeSync(fd);
  }
}

/** Lines of this process's mountinfo that mention `path`. */
export async function mountsUnder(path: string): Promise<string[]> {
  return (await readFile('/proc/self/mountinfo', 'utf8')).split('\n').filter((l) => l.includes(path));
}
