import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Command {
  label: string;
  /** run through `sh -c`, so pipes work */
  script: string;
  /** runs before each timed run, untimed (e.g. remove the previous output) */
  before?: string;
}

export interface Measurement {
  label: string;
  medianSeconds: number;
  /** largest peak RSS among the processes of one run (GNU time %M of the shell's children), KiB */
  maxRssKiB: number;
}

/**
 * Time every command `rounds` times, interleaved (A B C A B C ...) so drift on a shared machine hits
 * all alike; report medians. Ratios between commands of one call are what the benchmarks compare.
 */
export function measure(commands: Command[], rounds: number): Measurement[] {
  const times = commands.map(() => [] as number[]);
  const rss = commands.map(() => 0);
  const rssFile = join(tmpdir(), `rkt-bench-rss-${process.pid}`);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      if (c.before) run(c.before);
      const start = process.hrtime.bigint();
      const res = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, 'sh', '-c', c.script], {
        stdio: 'inherit',
      });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (res.status !== 0) throw new Error(`benchmark command failed (${res.status}): ${c.script}`);
      times[i]!.push(seconds);
      rss[i] = Math.max(rss[i]!, Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()));
    });
  }
  rmSync(rssFile, { force: true });
  return commands.map((c, i) => ({ label: c.label, medianSeconds: median(times[i]!), maxRssKiB: rss[i]! }));
}

export function run(script: string): void {
  const res = spawnSync('sh', ['-c', script], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`command failed (${res.status}): ${script}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function report(title: string, results: Measurement[], ratios: [string, string, string][]): void {
  console.log(`\n## ${title}`);
  for (const m of results) {
    console.log(
      `  ${m.label.padEnd(44)} ${m.medianSeconds.toFixed(3)} s   peak RSS ${(m.maxRssKiB / 1024).toFixed(1)} MiB`,
    );
  }
  const by = new Map(results.map((m) => [m.label, m]));
  for (const [name, num, den] of ratios) {
    const ratio = by.get(num)!.medianSeconds / by.get(den)!.medianSeconds;
    console.log(`  ratio ${name.padEnd(38)} ${ratio.toFixed(2)}x`);
  }
}
