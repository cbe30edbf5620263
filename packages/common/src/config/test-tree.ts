import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file tree for tests: path -> content (objects are written as JSON), or { symlink: target }. */
export type Tree = Record<string, string | object | { symlink: string }>;

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    if (typeof content === 'object' && 'symlink' in content && typeof content.symlink === 'string') {
      await symlink(content.symlink, full);
    } else {
      await writeFile(full, typeof content === 'string' ? content : JSON.stringify(content));
    }
  }
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
