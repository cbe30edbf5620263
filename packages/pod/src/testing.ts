// Test helpers shared by the *.test.ts files: pod directories from object literals on temp dirs, lock
// holders in this process and in a child. Not part of the package API.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tryLock } from '@rkt/native';
import { podPath } from './layout.js';
import { nodeOs, type PodOs } from './os.js';
import type { PodDir } from './states.js';

const temps: string[] = [];
const fds: number[] = [];
const children: ChildProcess[] = [];

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-pod-'));
  temps.push(dir);
  return dir;
}

/** afterEach: release held locks, kill lock-holding children, remove temp dirs. */
export async function cleanup(): Promise<void> {
  fds.splice(0).forEach((fd) => closeSync(fd));
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

export const IMAGE_ID = `sha512-6b38a6a95895dcc8473fc841d02884ff${'0'.repeat(28)}af24`;

export function imageManifestJson(name = 'example.com/busybox', version = '1.35.0'): object {
  const labels = [
    { name: 'version', value: version },
    { name: 'arch', value: 'amd64' },
    { name: 'os', value: 'linux' },
  ];
  return { acKind: 'ImageManifest', acVersion: '0.8.11', name, labels };
}

export function podManifestJson(apps: string[], extra: Record<string, unknown> = {}): object {
  return {
    acVersion: '1.30.0',
    acKind: 'PodManifest',
    apps: apps.map((name) => ({
      name,
      image: { name: 'example.com/busybox', id: IMAGE_ID },
      app: { exec: ['/bin/sh'], user: '0', group: '0' },
    })),
    annotations: [{ name: 'coreos.com/rkt/stage1/mutable', value: 'false' }],
    ...extra,
  };
}

type FileSpec = string | object | { content: string | object; mtime: Date };

export interface PodSpec {
  dir: PodDir;
  uuid: string;
  /** app names: writes `pod` and each `appsinfo/<app>/manifest` */
  apps?: string[];
  /** mtime of `pod-created` */
  created?: Date;
  /** more files relative to the pod dir; objects are written as JSON */
  files?: Record<string, FileSpec>;
}

/** Build a pod directory; returns its path. */
export function makePod(dataDir: string, spec: PodSpec): string {
  const path = podPath(dataDir, spec.dir, spec.uuid);
  mkdirSync(path, { recursive: true, mode: 0o750 });
  const files: Record<string, FileSpec> = {};
  if (spec.apps) {
    files.pod = podManifestJson(spec.apps);
    for (const app of spec.apps) files[`appsinfo/${app}/manifest`] = imageManifestJson();
  }
  if (spec.created) files['pod-created'] = { content: '', mtime: spec.created };
  Object.assign(files, spec.files);
  for (const [rel, f] of Object.entries(files)) writeSpec(join(path, rel), f);
  return path;
}

function writeSpec(path: string, f: FileSpec): void {
  mkdirSync(dirname(path), { recursive: true });
  const timed = typeof f === 'object' && 'mtime' in f ? f : undefined;
  const content = timed ? timed.content : f;
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  if (timed) utimesSync(path, timed.mtime, timed.mtime);
}

/** Hold an exclusive flock on `path` from another open file description of this process. */
export function holdLock(path: string): { release(): void } {
  const fd = openSync(path, 'r');
  if (!tryLock(fd, 'exclusive')) throw new Error(`${path} is already locked`);
  fds.push(fd);
  return {
    release() {
      fds.splice(fds.indexOf(fd), 1);
      closeSync(fd);
    },
  };
}

/**
 * A child process holding `path` under an exclusive flock, like a pod's stage1: sh opens the
 * directory on fd 9, util-linux flock(1) locks that fd, and sh becomes `sleep` keeping it. Killing
 * the child drops the lock.
 */
export async function spawnLockHolder(path: string): Promise<ChildProcess> {
  const script = 'exec 9<"$1" && flock -x 9 && echo locked && exec sleep 600';
  const child = spawn('sh', ['-c', script, 'sh', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.stdout?.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

/** The real OS with some calls replaced (failure injection, recording). */
export function osWith(overrides: Partial<PodOs>): PodOs {
  return { ...nodeOs, ...overrides };
}

/** The real OS, counting calls per method. */
export function countingOs(): { os: PodOs; counts: Map<string, number>; total(): number } {
  const counts = new Map<string, number>();
  const os = Object.fromEntries(
    Object.entries(nodeOs).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as PodOs;
  return { os, counts, total: () => [...counts.values()].reduce((a, b) => a + b, 0) };
}

export const UUIDS = {
  a: '4c45384b-5e93-4b7a-b7cf-19513b87abcc',
  b: 'd9d04668-8572-457a-b667-20671d41c25c',
  c: '3aa4bd49-5b43-44de-9118-b38c3cd4d2ea',
  d: '6bb2adc2-0000-4000-8000-000000000001',
  e: '4c45ffff-0000-4000-8000-000000000002',
} as const;
