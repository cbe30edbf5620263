import { posix } from 'node:path';
import type { AppPlan, PodPlan } from './plan.js';
import { POD_PATHS } from './plan.js';
import { shellAssign, shellWords } from './shell-quote.js';

/**
 * Plan format `sh-v1` (the fly stage1): files a POSIX sh sources (`. FILE`), every value single-quoted.
 * Contract with the stage1 that declares it:
 * - the stage1 rootfs holds the exec helper at /exec, and the host has /usr/bin/env;
 * - APP_MOUNTS: one mount per line, each line words for `eval "set -- $line"`:
 *   `overlay LOWER UPPER WORK TARGET` | `bind SRC TARGET` | `rbind SRC TARGET` | `ro TARGET`
 *   (`ro` = remount that mount point read-only), in order; relative paths are relative to the pod dir;
 * - APP_CMD: words for `eval "set -- $APP_CMD"`, run with the pod dir as cwd: it clears the
 *   environment, sets the app's, and lets the helper chroot, chdir, drop ids, close fds >= 3 and exec.
 */
export const SH_V1 = {
  execHelper: 'exec',
  env: '/usr/bin/env',
  podFile: `${POD_PATHS.planDir}/pod.env`,
  appFile: (app: string): string => `${POD_PATHS.planDir}/${app}.env`,
  rktEnvFile: (app: string): string => `${POD_PATHS.envDir}/${app}`,
} as const;

/** The files of the plan, pod-relative path → content. Pure. */
export function renderShV1(plan: PodPlan): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    SH_V1.podFile,
    lines([
      '# stage1 plan (sh-v1), pod level; written by @rkt/stage1',
      shellAssign('RKT_PLAN_FORMAT', plan.format),
      shellAssign('POD_UUID', plan.uuid),
      shellAssign('POD_APPS', plan.apps.map((a) => a.name).join(' ')),
    ]),
  );
  for (const app of plan.apps) {
    files.set(SH_V1.appFile(app.name), renderApp(app));
    files.set(SH_V1.rktEnvFile(app.name), lines(app.environment.map((e) => `${e.name}=${e.value}`)));
  }
  return files;
}

function renderApp(app: AppPlan): string {
  const envWords = app.environment.map((e) => `${e.name}=${e.value}`);
  const cmd = [
    SH_V1.env,
    '-i',
    ...envWords,
    `${POD_PATHS.stage1Rootfs}/${SH_V1.execHelper}`,
    ...['--root', app.root, '--wd', app.workingDirectory, '--uid', String(app.uid), '--gid', String(app.gid)],
    ...(app.supplementaryGids.length > 0 ? ['--groups', app.supplementaryGids.join(',')] : []),
    '--',
    ...app.argv,
  ];
  return lines([
    `# stage1 plan (sh-v1) of app ${app.name}; written by @rkt/stage1`,
    shellAssign('APP_NAME', app.name),
    shellAssign('APP_ROOT', app.root),
    shellAssign('APP_ROOTFS_KIND', app.overlay ? 'overlay' : 'copy'),
    shellAssign('APP_OVERLAY_LOWER', app.overlay?.lower ?? ''),
    shellAssign('APP_OVERLAY_UPPER', app.overlay?.upper ?? ''),
    shellAssign('APP_OVERLAY_WORK', app.overlay?.work ?? ''),
    shellAssign('APP_READ_ONLY_ROOTFS', String(app.readOnlyRootFS)),
    shellAssign('APP_UID', String(app.uid)),
    shellAssign('APP_GID', String(app.gid)),
    shellAssign('APP_GROUPS', app.supplementaryGids.join(',')),
    shellAssign('APP_WORKDIR', app.workingDirectory),
    shellAssign('APP_ENV', shellWords(envWords)),
    shellAssign('APP_EXEC', shellWords(app.argv)),
    shellAssign('APP_MOUNTS', mountLines(app).join('\n')),
    shellAssign('APP_CMD', shellWords(cmd)),
  ]);
}

/** The app's root first, then the mounts in plan order, then the read-only remounts. */
export function mountLines(app: AppPlan): string[] {
  const out: string[] = [];
  const o = app.overlay;
  out.push(shellWords(o ? ['overlay', o.lower, o.upper, o.work, app.root] : ['bind', app.root, app.root]));
  for (const m of app.mounts) {
    const target = posix.join(app.root, m.target);
    out.push(shellWords([m.recursive ? 'rbind' : 'bind', m.source, target]));
    if (m.readOnly) out.push(shellWords(['ro', target]));
  }
  if (app.readOnlyRootFS) out.push(shellWords(['ro', app.root]));
  return out;
}

const lines = (ls: readonly string[]): string => ls.map((l) => `${l}\n`).join('');
