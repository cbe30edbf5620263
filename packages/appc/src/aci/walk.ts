import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export interface TreeEntry {
  /** path relative to the walked root, `''` for the root itself, `/`-separated */
  rel: string;
  abs: string;
  stat: Stats;
}

/**
 * Depth-first, pre-order walk that never follows symlinks. Children are visited in sorted order so
 * that the same tree always yields the same sequence (reproducible archives). The calls are
 * synchronous on purpose: one at a time on the thread pool, every async stat costs a round trip that
 * dominated the time of a build.
 */
export async function* walkTree(root: string): AsyncGenerator<TreeEntry> {
  const stat = lstatSync(root);
  yield { rel: '', abs: root, stat };
  if (stat.isDirectory()) yield* walkChildren(root, '');
}

async function* walkChildren(dir: string, rel: string): AsyncGenerator<TreeEntry> {
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const abs = join(dir, name);
    const childRel = rel === '' ? name : `${rel}/${name}`;
    const stat = lstatSync(abs);
    yield { rel: childRel, abs, stat };
    if (stat.isDirectory()) yield* walkChildren(abs, childRel);
  }
}
