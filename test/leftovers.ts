import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a test run could leave on the host: temp dirs named like ours, mounts and network namespaces
 * mentioning rkt, pod cgroups under /rkt, and stage1 processes (the pause). Compared before and after
 * the run: anything new is a leak.
 */
export function hostState(): Set<string> {
  const items = new Set<string>();
  for (const name of readdirSync(tmpdir())) if (name.startsWith('rkt-')) items.add(`tmp: ${name}`);
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const mountPoint = line.split(' ')[4];
    if (mountPoint && /rkt|stage1|stage2/.test(mountPoint)) items.add(`mount: ${mountPoint}`);
  }
  const netns = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).trim();
  for (const ns of netns ? netns.split('\n') : []) items.add(`netns: ${ns.split(' ')[0]}`);
  for (const hierarchy of readdirSync('/sys/fs/cgroup')) {
    const dir = join('/sys/fs/cgroup', hierarchy, 'rkt');
    if (!existsSync(dir)) continue;
    for (const pod of readdirSync(dir)) if (/^[0-9a-f]{8}-/.test(pod)) items.add(`cgroup: ${join(dir, pod)}`);
  }
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8') === '/pause\0') items.add(`process: pause ${pid}`);
    } catch {
      // gone meanwhile
    }
  }
  return items;
}

export function newSince(before: Set<string>, after: Set<string>): string[] {
  return [...after].filter((item) => !before.has(item));
}
