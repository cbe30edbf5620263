import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Builds the test images once per run with the built rkt (scripts/build-test-images.sh). */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-test-images-'));
  const root = resolve(import.meta.dirname, '..');
  execFileSync('sh', [join(root, 'scripts/build-test-images.sh'), dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  project.provide('imagesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
