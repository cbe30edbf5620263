import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';

/**
 * A tree seen the way an app sees it after chroot: absolute symlinks resolve against the tree's root
 * and `..` never climbs above it, so nothing the image holds can point the planner at a host file.
 * `mounts` lays volumes over the tree (targets already resolved, no symlinks); a mount without a
 * source is an empty directory. Paths that lead to a mount target count as directories, because the
 * stage1 creates mount points before mounting.
 */
export interface RootView {
  root: string;
  mounts?: readonly ViewMount[];
}

export interface ViewMount {
  target: string;
  /** host path of the directory or file mounted there; undefined = a new empty directory */
  source: string | undefined;
}

export type NodeKind = 'dir' | 'file' | 'other' | 'symlink';

export type Resolved =
  | { kind: NodeKind; path: string; hostPath: string | undefined; stat: Stats | undefined }
  | { kind: 'missing'; path: string; reason: 'missing' | 'notdir' | 'loop' };

type Node =
  | { kind: NodeKind; hostPath: string | undefined; stat: Stats | undefined; link?: string }
  | { kind: 'missing' };

const MAX_SYMLINKS = 40;

const parts = (path: string): string[] => path.split('/').filter((p) => p !== '' && p !== '.');

/**
 * Resolve `path` (absolute, in app terms) inside the view. The result's `path` is the in-root path
 * with every symlink resolved (for a missing path: the resolved existing prefix plus the rest).
 */
export async function resolveInView(
  view: RootView,
  path: string,
  options: { followLast?: boolean } = {},
): Promise<Resolved> {
  const pending = parts(path);
  let current = '/';
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '..') {
      current = posix.dirname(current);
      continue;
    }
    const next = posix.join(current, part);
    const node = await lookup(view, next);
    const last = pending.length === 0;
    if (node.kind === 'symlink' && (!last || options.followLast !== false)) {
      if (++links > MAX_SYMLINKS)
        return { kind: 'missing', path: posix.join(next, ...pending), reason: 'loop' };
      const target = node.link ?? '';
      if (target.startsWith('/')) current = '/';
      pending.unshift(...parts(target));
      continue;
    }
    if (node.kind === 'missing')
      return { kind: 'missing', path: posix.join(next, ...pending), reason: 'missing' };
    if (!last && node.kind !== 'dir')
      return { kind: 'missing', path: posix.join(next, ...pending), reason: 'notdir' };
    current = next;
  }
  const node = await lookup(view, current);
  if (node.kind === 'missing') return { kind: 'missing', path: current, reason: 'missing' };
  return { kind: node.kind, path: current, hostPath: node.hostPath, stat: node.stat };
}

/** The contents of a regular file of the view (symlinks resolved inside it); undefined if absent. */
export async function readFileInView(
  view: RootView,
  path: string,
  maxBytes = 4 << 20,
): Promise<string | undefined> {
  const r = await resolveInView(view, path);
  if (r.kind !== 'file' || r.hostPath === undefined) return undefined;
  const fh = await open(r.hostPath, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const st = await fh.stat();
    if (!st.isFile() || st.size > maxBytes) return undefined;
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

function mountAt(view: RootView, p: string): ViewMount | undefined {
  let best: ViewMount | undefined;
  for (const m of view.mounts ?? []) {
    if (
      (p === m.target || p.startsWith(`${m.target}/`)) &&
      (best === undefined || m.target.length > best.target.length)
    )
      best = m;
  }
  return best;
}

const leadsToMount = (view: RootView, p: string): boolean =>
  (view.mounts ?? []).some((m) => m.target === p || m.target.startsWith(`${p}/`));

async function lookup(view: RootView, p: string): Promise<Node> {
  const m = mountAt(view, p);
  if (m !== undefined && m.source === undefined)
    return p === m.target ? { kind: 'dir', hostPath: undefined, stat: undefined } : { kind: 'missing' };
  const hostPath = m?.source === undefined ? join(view.root, p) : join(m.source, posix.relative(m.target, p));
  const st = await lstat(hostPath).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
    throw e;
  });
  if (st === undefined)
    return leadsToMount(view, p)
      ? { kind: 'dir', hostPath: undefined, stat: undefined }
      : { kind: 'missing' };
  if (st.isSymbolicLink()) return { kind: 'symlink', hostPath, stat: st, link: await readlink(hostPath) };
  return { kind: st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other', hostPath, stat: st };
}
