// Helpers for this package's unit tests: pod directories from object literals on temp dirs, a
// stage1 made of shell scripts that record how they were called, captured output. Not exported.
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tryLock } from '@rkt/native';
import type { PodDir } from '@rkt/pod';
import type { PodsIo } from './command.js';

const temps: string[] = [];
const fds: number[] = [];

export const UUIDS = {
  a: '4c45384b-5e93-4b7a-b7cf-19513b87abcc',
  b: 'd9d04668-8572-457a-b667-20671d41c25c',
  c: '3aa4bd49-5b43-44de-9118-b38c3cd4d2ea',
} as const;

export const IMAGE_ID = `sha512-${'6b38'.repeat(16)}`;

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-pods-'));
  temps.push(dir);
  return dir;
}

/** afterEach: release locks held by holdLock, remove temp dirs. */
export function cleanup(): void {
  fds.splice(0).forEach((fd) => closeSync(fd));
  temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

export interface PodSpec {
  dir: PodDir;
  uuid: string;
  apps?: string[];
  /** files relative to the pod dir; objects are written as JSON */
  files?: Record<string, string | object>;
  /** a stage1 of shell scripts (see STAGE1_SCRIPT) */
  stage1?: boolean;
  /** mtime of pod-created and of the pid file */
  time?: Date;
}

/** A stage1 entrypoint that appends `<name> <args>` to `calls` in the pod dir and exits with $EXIT_<name>. */
const STAGE1_SCRIPT = (name: string) => `#!/bin/sh\necho "${name} $*" >> calls\nexit \${EXIT_${name}:-0}\n`;

export function makePod(dataDir: string, spec: PodSpec): string {
  const path = join(dataDir, 'pods', spec.dir, spec.uuid);
  mkdirSync(path, { recursive: true });
  const files: Record<string, string | object> = {};
  const apps = spec.apps ?? [];
  if (spec.apps) {
    files.pod = {
      acVersion: '1.30.0',
      acKind: 'PodManifest',
      apps: apps.map((name) => ({ name, image: { name: 'example.com/busybox', id: IMAGE_ID } })),
    };
    for (const app of apps)
      files[`appsinfo/${app}/manifest`] = {
        acKind: 'ImageManifest',
        acVersion: '0.8.11',
        name: 'example.com/busybox',
        labels: [{ name: 'version', value: '1.35.0' }],
      };
  }
  files['pod-created'] = '';
  if (spec.stage1) {
    const annotations = ['stop', 'gc', 'enter'].map((n) => ({
      name: `coreos.com/rkt/stage1/${n}`,
      value: `/${n}`,
    }));
    annotations.push({ name: 'coreos.com/rkt/stage1/run', value: '/run' });
    annotations.push({ name: 'coreos.com/rkt/stage1/interface-version', value: '5' });
    files['stage1/manifest'] = {
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'test/stage1',
      annotations,
    };
  }
  Object.assign(files, spec.files);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, rel)), { recursive: true });
    writeFileSync(join(path, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
  if (spec.stage1) mkdirSync(join(path, 'stage1/rootfs'), { recursive: true });
  if (spec.stage1)
    for (const name of ['stop', 'gc', 'enter']) {
      writeFileSync(join(path, 'stage1/rootfs', name), STAGE1_SCRIPT(name));
      chmodSync(join(path, 'stage1/rootfs', name), 0o755);
    }
  if (spec.time)
    for (const f of ['pod-created', 'pid']) if (f in files) utimesSync(join(path, f), spec.time, spec.time);
  return path;
}

/** Hold an exclusive flock on a pod dir from this process, as a live stage1 or preparer would. */
export function holdLock(path: string): void {
  const fd = openSync(path, 'r');
  if (!tryLock(fd, 'exclusive')) throw new Error(`${path} is already locked`);
  fds.push(fd);
}

/** Release every lock holdLock took. */
export function releaseLocks(): void {
  fds.splice(0).forEach((fd) => closeSync(fd));
}

export function captureIo(): PodsIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}
