import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hostState, newSince } from './leftovers.js';

/**
 * Builds the test images once per run with the built rkt (scripts/build-test-images.sh), and after
 * the run fails it when the tests left anything on the host (see leftovers.ts).
 */
export default function setup(project: TestProject): () => Promise<void> {
  const before = hostState();
  const dir = mkdtempSync(join(tmpdir(), 'rkt-test-images-'));
  const root = resolve(import.meta.dirname, '..');
  execFileSync('sh', [join(root, 'scripts/build-test-images.sh'), dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  project.provide('imagesDir', dir);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    // a killed pause is reaped lazily by this host's PID 1, and cgroups go once it is: give it a moment
    let leaked: string[] = [];
    for (let i = 0; i < 50; i++) {
      leaked = newSince(before, hostState());
      if (leaked.length === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the end-to-end tests left these behind:\n${leaked.join('\n')}`);
  };
}
