import { stage1Error } from './errors.js';
import { parseIdFile } from './passwd.js';
import { readFileInView, resolveInView, type RootView } from './root-view.js';

const MAX_ID = 4294967294;

/**
 * A numeric uid from an app's `user` (appc, rkt.md §6.1): digits as they are; `/path` → the owner of
 * that file in the image; a name → the image's /etc/passwd; `root` → 0 even without a passwd file.
 */
export function resolveUser(view: RootView, app: string, user: string): Promise<number> {
  return resolveId(view, app, user, 'user');
}

/** Like resolveUser for `group`, with the image's /etc/group and the file's group owner. */
export function resolveGroup(view: RootView, app: string, group: string): Promise<number> {
  return resolveId(view, app, group, 'group');
}

async function resolveId(view: RootView, app: string, spec: string, kind: 'user' | 'group'): Promise<number> {
  const code = kind === 'user' ? 'APP_USER_NOT_FOUND' : 'APP_GROUP_NOT_FOUND';
  if (/^[0-9]+$/.test(spec)) {
    const id = Number(spec);
    if (id > MAX_ID) throw stage1Error(code, `app "${app}": ${kind} id ${spec} is out of range`);
    return id;
  }
  if (spec.startsWith('/')) {
    const r = await resolveInView(view, spec);
    if (r.kind === 'missing' || r.stat === undefined)
      throw stage1Error(code, `app "${app}": ${kind} ${spec}: no such file in the image`);
    return kind === 'user' ? r.stat.uid : r.stat.gid;
  }
  const file = kind === 'user' ? '/etc/passwd' : '/etc/group';
  const text = await readFileInView(view, file);
  const entry = text === undefined ? undefined : parseIdFile(text).find((e) => e.name === spec);
  if (entry !== undefined) return entry.id;
  if (spec === 'root') return 0;
  throw stage1Error(
    code,
    `app "${app}": ${kind} "${spec}" not found in the image's ${file}${text === undefined ? ' (no such file)' : ''}`,
  );
}
