import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report } from './measure.js';
import { makeTree } from './tree.js';

/** Building (and hashing) a ~200 MB ACI with `rkt image build`, against tar -cz and sha512sum. */
export function benchAciBuild(rkt: string, rounds: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-bench-build-'));
  try {
    const tree = join(dir, 'rootfs');
    const { files, bytes } = makeTree(tree, 200 << 20);
    const out = join(dir, 'out');
    const results = measure(
      [
        {
          label: 'rkt image build (gzip)',
          script: `${rkt} image build ${tree} ${out}.aci --name=bench.example/img --overwrite >/dev/null`,
        },
        { label: 'tar -czf', script: `tar -czf ${out}.tar.gz -C ${tree} .` },
        {
          label: 'rkt image build --compression=none',
          script: `${rkt} image build ${tree} ${out}-plain.aci --name=bench.example/img --compression=none --overwrite >/dev/null`,
        },
        { label: 'tar -c | sha512sum', script: `tar -c -C ${tree} . | sha512sum >/dev/null` },
      ],
      rounds,
    );
    report(`ACI build: ${files} files, ${(bytes / 2 ** 20).toFixed(0)} MiB`, results, [
      ['build (gzip) / tar -cz', 'rkt image build (gzip)', 'tar -czf'],
      ['build (none) / tar -c | sha512sum', 'rkt image build --compression=none', 'tar -c | sha512sum'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
