// make bench: every benchmark, each reported as ratios to the peers measured in the same run.
import { resolve } from 'node:path';
import { benchAciBuild } from './aci-build.js';
import { benchFetch } from './fetch.js';
import { benchPods } from './pods.js';
import { benchStage1Default } from './stage1-default.js';
import { benchVerify } from './verify.js';

const rkt = process.env.RKT ?? resolve('bin/rkt');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = process.argv[2];

const benchmarks: Record<string, () => void | Promise<void>> = {
  'aci-build': () => benchAciBuild(rkt, rounds),
  fetch: () => benchFetch(rkt, rounds),
  pods: () => benchPods(rkt, rounds),
  'stage1-default': () => benchStage1Default(rkt, rounds),
  verify: () => benchVerify(rkt, rounds),
};

async function main(): Promise<void> {
  console.log(`# rkt benchmarks (rounds=${rounds}, ${new Date().toISOString()})`);
  for (const [name, fn] of Object.entries(benchmarks)) {
    if (only === undefined || only === name) await fn();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
