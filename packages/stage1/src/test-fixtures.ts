import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { App, ImageManifest } from '@rkt/appc';
import { afterEach } from 'vitest';

/** A tree for tests: path → file content, `{ dir }`, `{ link }` or `{ file, mode }`. */
export type TreeSpec = Record<
  string,
  string | { dir: true; mode?: number } | { link: string } | { file: string; mode: number }
>;

export async function makeTree(root: string, spec: TreeSpec): Promise<string> {
  await mkdir(root, { recursive: true });
  for (const [path, entry] of Object.entries(spec)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    if (typeof entry === 'string') await writeFile(full, entry);
    else if ('dir' in entry) {
      await mkdir(full, { recursive: true });
      if (entry.mode !== undefined) await chmod(full, entry.mode);
    } else if ('link' in entry) await symlink(entry.link, full);
    else {
      await writeFile(full, entry.file);
      await chmod(full, entry.mode);
    }
  }
  return root;
}

/** A small image tree: users root/app, groups, /bin/sh and friends, a home, /tmp 1777. */
export const IMAGE_TREE: TreeSpec = {
  'etc/passwd':
    'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n# comment\nbroken line\n',
  'etc/group': 'root:x:0:\napp:x:1000:\nusers:x:100:app\n',
  'bin/sh': { file: '#!/bin/sh\n', mode: 0o755 },
  'bin/ls': { link: 'sh' },
  'bin/notexec': { file: 'data', mode: 0o644 },
  'usr/bin/env': { file: '', mode: 0o755 },
  'home/app': { dir: true },
  tmp: { dir: true, mode: 0o1777 },
  proc: { dir: true },
  dev: { dir: true },
};

/** Fresh temp dirs, removed after each test. */
export function useTempDirs(prefix = 'rkt-stage1-unit-'): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** Strings that break naive quoting: quotes, `$`, backticks, newlines, globs, option-like words. */
export const TRICKY = [
  '',
  'plain',
  'two words',
  "it's",
  "''",
  '"double"',
  'back\\slash',
  '$HOME ${PATH} $(id) `id`',
  'new\nline',
  'tab\there',
  '*',
  '-n',
  '; rm -rf / #',
  'ünïcødé',
];

/** An image manifest whose app runs `exec` as root, for planner tests. */
export function testImageManifest(app: Partial<App> = {}): ImageManifest {
  return {
    acKind: 'ImageManifest',
    acVersion: '0.8.11',
    name: 'example.com/test',
    labels: [{ name: 'version', value: '1' }],
    app: { exec: ['/bin/sh', '-c', 'echo hi'], user: '0', group: '0', ...app },
  };
}
