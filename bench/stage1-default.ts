// The default stage1 (as root): `rkt run --net=none IMG /bin/true` on a stored busybox image against
// `podman run --rm --network=none` (when installed) and `node -e 0`; 100 sequential runs; the resident
// memory of a running pod's engine processes (supervisor, wrappers, crun, pause) for 1, 2 and 3 apps.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measure, report, run } from './measure.js';

export function benchStage1Default(rkt: string, rounds: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-bench-s1d-'));
  const podmanImage = `localhost/rkt-bench-busybox-${process.pid}`;
  try {
    const images = join(dir, 'images');
    run(`sh scripts/build-test-images.sh ${images} >/dev/null`);
    const data = join(dir, 'data');
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    run(
      `${rkt} --dir=${data} --insecure-options=image fetch ${images}/busybox.aci ${resolve('bin/stage1-default.aci')} ${resolve('bin/stage1-fly.aci')} >/dev/null`,
    );
    const rktRun = `${rkt} --dir=${data} --insecure-options=image run --stage1-name=coreos.com/rkt/stage1-default:${version} --net=none --pull-policy=never`;
    const fly = `${rkt} --dir=${data} --insecure-options=image run --stage1-path=${resolve('bin/stage1-fly.aci')} --pull-policy=never`;
    const commands = [
      {
        label: 'rkt run --net=none busybox /bin/true',
        script: `${rktRun} example.com/busybox --exec=/bin/true`,
      },
      { label: 'node -e 0', script: 'node -e 0' },
      {
        label: 'rkt run (stage1-fly) busybox /bin/true',
        script: `${fly} example.com/busybox --exec=/bin/true`,
      },
    ];
    const podman = spawnSync('sh', ['-c', 'command -v podman']).status === 0;
    // podman gets the same busybox tree, imported offline; explicit ulimits because this host's
    // hard RLIMIT_NOFILE is below podman's default (see the peers notes)
    if (podman) {
      run(`mkdir ${dir}/pm && tar -xzf ${images}/busybox.aci -C ${dir}/pm rootfs`);
      run(`tar -C ${dir}/pm/rootfs -c . | podman import -q - ${podmanImage} >/dev/null`);
      commands.push({
        label: 'podman run --rm --network=none',
        script: `podman run --rm --network=none --ulimit nofile=20000:20000 --ulimit nproc=32768:32768 ${podmanImage} /bin/true`,
      });
    }
    const results = measure(commands, rounds);
    report('stage1-default: one pod, one app, /bin/true', results, [
      ['rkt run / node -e 0', commands[0]!.label, 'node -e 0'],
      ['stage1-default / stage1-fly', commands[0]!.label, commands[2]!.label],
      ...(podman
        ? [['rkt run / podman run', commands[0]!.label, commands[3]!.label] as [string, string, string]]
        : []),
    ]);
    if (!podman) console.log('  podman: not installed on this host, no comparison');
    const start = process.hrtime.bigint();
    run(
      `i=0; while [ $i -lt 100 ]; do ${rktRun} example.com/busybox --exec=/bin/true || exit 1; i=$((i + 1)); done`,
    );
    console.log(`  100 sequential rkt runs: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
    for (const apps of [1, 2, 3]) reportMemory(rktRun, apps, join(dir, `mem${apps}`));
  } finally {
    spawnSync('sh', ['-c', `podman rmi -f ${podmanImage} >/dev/null 2>&1`]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS and PSS (kB) of the pod's engine processes while `apps` apps sleep: not the apps themselves. */
function reportMemory(rktRun: string, apps: number, uuidFile: string): void {
  const appArgs = Array.from(
    { length: apps },
    (_, i) => `example.com/busybox --name=app${i} --exec=/bin/sleep -- 5 ---`,
  );
  const child = spawn('sh', ['-c', `exec ${rktRun} --uuid-file-save=${uuidFile} ${appArgs.join(' ')}`], {
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 10_000;
    let procs: number[] = [];
    while (Date.now() < deadline) {
      spawnSync('sleep', ['0.2']);
      const uuid = existsSync(uuidFile) ? readFileSync(uuidFile, 'utf8').trim() : '';
      procs = engineProcesses(child.pid!, uuid);
      const running = procs.filter((p) => comm(p) === 'crun').length;
      if (uuid !== '' && running === apps) break;
    }
    spawnSync('sleep', ['0.5']);
    let rss = 0;
    let pss = 0;
    for (const p of procs) {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    }
    const names = procs.map(comm).join(' ');
    console.log(
      `  engine memory, ${apps} app(s): RSS ${(rss / 1024).toFixed(1)} MiB, PSS ${(pss / 1024).toFixed(1)} MiB (${names})`,
    );
  } finally {
    child.kill('SIGTERM');
    spawnSync('sleep', ['1']);
  }
}

/** The run entrypoint and its descendants outside the app containers, plus the pause. */
function engineProcesses(root: number, uuid: string): number[] {
  const out: number[] = [];
  const walk = (pid: number): void => {
    const cg = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    const inApp = uuid !== '' && new RegExp(`/rkt/${uuid}/(?!_pause)`).test(cg);
    if (!inApp) out.push(pid);
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    if (!inApp) for (const k of kids.split(' ').filter(Boolean)) walk(Number(k));
  };
  try {
    walk(root);
    for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d)))
      if (readFileSync(`/proc/${p}/cgroup`, 'utf8').includes(`/rkt/${uuid}/_pause`) && uuid !== '')
        out.push(Number(p));
  } catch {
    // a process ended while we looked: the next poll sees the settled tree
  }
  return out;
}

function comm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}
