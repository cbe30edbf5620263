import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppPlan, PodPlan } from './plan.js';
import { mountLines, renderShV1 } from './sh-v1.js';
import { TRICKY, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();

const app = (over: Partial<AppPlan> = {}): AppPlan => ({
  name: 'web',
  root: 'stage1/rootfs/opt/stage2/web/rootfs',
  tree: '/store/tree/rootfs',
  overlay: { lower: '/store/tree/rootfs', upper: 'overlay/t/upper/web', work: 'overlay/t/work/web' },
  readOnlyRootFS: false,
  uid: 1000,
  gid: 100,
  supplementaryGids: [5, 6],
  workingDirectory: '/home/a b',
  argv: ['/bin/sh', '-c', ...TRICKY],
  environment: TRICKY.map((value, i) => ({ name: `V${i}`, value })),
  mounts: [],
  ...over,
});

const pod = (apps: AppPlan[]): PodPlan => ({
  format: 'sh-v1',
  uuid: '6f1b2c3d-1111-4222-8333-444455556666',
  apps,
  emptyVolumes: [],
  warnings: [],
});

/** Write the plan files and run `script` in sh after sourcing the app's file; NUL-separated output. */
async function inSh(plan: PodPlan, script: string): Promise<string[]> {
  const dir = await tempDir();
  for (const [rel, content] of renderShV1(plan)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  const out = execFileSync(
    'sh',
    ['-c', `. ./stage1/rootfs/rkt/plan/pod.env; . ./stage1/rootfs/rkt/plan/web.env; ${script}`],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return out.split('\0').slice(0, -1);
}

describe('sh-v1 plan files', () => {
  it('give back the exact command line through eval, whatever the arguments and values hold', async () => {
    const a = app();
    const words = await inSh(pod([a]), 'eval "set -- $APP_CMD"; printf "%s\\0" "$@"');
    expect(words).toEqual([
      '/usr/bin/env',
      '-i',
      ...TRICKY.map((v, i) => `V${i}=${v}`),
      'stage1/rootfs/exec',
      ...[
        '--root',
        a.root,
        '--wd',
        '/home/a b',
        '--uid',
        '1000',
        '--gid',
        '100',
        '--groups',
        '5,6',
        '--',
        ...a.argv,
      ],
    ]);
  });

  it('give back pod facts, plain values, the env words and the argv', async () => {
    const a = app({ supplementaryGids: [], readOnlyRootFS: true });
    const out = await inSh(
      pod([a]),
      'printf "%s\\0" "$RKT_PLAN_FORMAT" "$POD_UUID" "$POD_APPS" "$APP_NAME" "$APP_ROOTFS_KIND" "$APP_OVERLAY_UPPER" "$APP_READ_ONLY_ROOTFS" "$APP_UID" "$APP_GROUPS" "$APP_WORKDIR"; eval "set -- $APP_ENV"; printf "%s\\0" "$#"; eval "set -- $APP_EXEC"; printf "%s\\0" "$@"',
    );
    expect(out).toEqual([
      'sh-v1',
      '6f1b2c3d-1111-4222-8333-444455556666',
      'web',
      'web',
      'overlay',
      'overlay/t/upper/web',
      'true',
      '1000',
      '',
      '/home/a b',
      String(TRICKY.length),
      ...a.argv,
    ]);
  });

  it('read back one mount per line in the loop the run entrypoint uses', async () => {
    const odd = '/srv/it\'s $HOME `x` "q"';
    const a = app({
      readOnlyRootFS: true,
      mounts: [
        {
          volume: '/proc',
          kind: 'stage1',
          source: '/proc',
          target: '/proc',
          readOnly: false,
          recursive: true,
          type: 'dir',
          create: false,
        },
        {
          volume: 'v',
          kind: 'host',
          source: odd,
          target: '/data dir',
          readOnly: true,
          recursive: false,
          type: 'dir',
          create: true,
        },
      ],
    });
    const script =
      'while IFS= read -r line; do eval "set -- $line"; printf "%s|" "$@"; printf "\\0"; done <<EOF\n$APP_MOUNTS\nEOF\n';
    expect(await inSh(pod([a]), script)).toEqual([
      `overlay|/store/tree/rootfs|overlay/t/upper/web|overlay/t/work/web|${a.root}|`,
      `rbind|/proc|${a.root}/proc|`,
      `bind|${odd}|${a.root}/data dir|`,
      `ro|${a.root}/data dir|`,
      `ro|${a.root}|`,
    ]);
  });

  it('mounts a copied tree onto itself first', () => {
    expect(mountLines(app({ overlay: undefined }))[0]).toBe(`'bind' '${app().root}' '${app().root}'`);
  });

  it("write rkt's env file as KEY=VALUE lines", () => {
    const files = renderShV1(
      pod([
        app({
          environment: [
            { name: 'A', value: 'b c' },
            { name: 'AC_APP_NAME', value: 'web' },
          ],
        }),
      ]),
    );
    expect(files.get('stage1/rootfs/rkt/env/web')).toBe('A=b c\nAC_APP_NAME=web\n');
    expect([...files.keys()]).toEqual([
      'stage1/rootfs/rkt/plan/pod.env',
      'stage1/rootfs/rkt/plan/web.env',
      'stage1/rootfs/rkt/env/web',
    ]);
  });
});
