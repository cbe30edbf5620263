// Pods on the fly stage1: `rkt run` of a stored image against one Node start; the memory a running
// fly pod keeps resident outside its app; `rkt list` and `rkt gc` with 100 and 1000 pods on disk.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report, run } from './measure.js';

export function benchPods(rkt: string, rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-bench-pods-'));
  const data = join(dir, 'data');
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const runFly = `${rkt} --dir=${data} run --stage1-name=coreos.com/rkt/stage1-fly:${version} --pull-policy=never example.com/busybox`;
  return (async () => {
    try {
      run(`sh scripts/build-test-images.sh ${dir}/images >/dev/null`);
      run(
        `${rkt} --dir=${data} --insecure-options=image fetch ${dir}/images/busybox.aci bin/stage1-fly.aci >/dev/null`,
      );
      const results = measure(
        [
          { label: 'rkt run (fly) busybox /bin/true', script: `${runFly} --exec=/bin/true` },
          { label: 'node -e 0', script: 'node -e 0' },
        ],
        rounds * 5,
      );
      report('rkt run on stage1-fly, stored image', results, [
        ['rkt run / node -e 0 (goal <= 1.3)', 'rkt run (fly) busybox /bin/true', 'node -e 0'],
      ]);
      await residentMemory(`${runFly} --exec=/bin/sleep -- 3`);
      run(`${rkt} --dir=${data} gc --grace-period=0s >/dev/null 2>&1`);
      run(`${runFly} --exec=/bin/true`);
      for (const count of [100, 1000]) listAndGc(rkt, data, count, runFly);
    } finally {
      run(`${rkt} --dir=${data} gc --grace-period=0s --expire-prepared=0s >/dev/null 2>&1 || true`);
      rmSync(dir, { recursive: true, force: true });
    }
  })();
}

/** Sum of RSS over the pod's processes other than the app (the sleep), sampled while it runs. */
async function residentMemory(command: string): Promise<void> {
  const child = spawn('sh', ['-c', `exec ${command}`], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1500));
  const procs = tree(child.pid!);
  const rss = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const comm = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  const engine = procs.filter((p) => comm(p) !== 'sleep');
  const total = engine.reduce((sum, p) => sum + rss(p), 0);
  console.log(
    `  resident outside the app: ${(total / 1024).toFixed(1)} MiB in ${engine.length} process(es): ${engine.map(comm).join(', ')} (goal <= 2 MB)`,
  );
  await new Promise((r) => child.on('exit', r));
}

function tree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((t) =>
    readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(tree)];
}

/** Copies of one exited pod, so the commands see `count` real pod directories. */
function listAndGc(rkt: string, data: string, count: number, runFly: string): void {
  const run0 = join(data, 'pods', 'run');
  const [template] = readdirSync(run0);
  for (let i = 1; i < count; i++)
    cpSync(join(run0, template!), join(run0, randomUUID()), { recursive: true });
  const list = measure(
    [{ label: `rkt list, ${count} pods`, script: `${rkt} --dir=${data} list --no-legend >/dev/null` }],
    3,
  );
  const gc = measure(
    [{ label: `rkt gc, ${count} pods`, script: `${rkt} --dir=${data} gc --grace-period=0s >/dev/null 2>&1` }],
    1,
  );
  report(`${count} pods on disk`, [...list, ...gc], []);
  run(`${runFly} --exec=/bin/true`);
}
