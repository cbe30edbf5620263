import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report, run } from './measure.js';
import { makeTree } from './tree.js';

/**
 * Importing a ~200 MB gzip ACI into the store (hash verified, tree rendered) against `tar -xzf` of
 * the same archive, and resolving an already-stored image by name against one Node start.
 */
export function benchFetch(rkt: string, rounds: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-bench-fetch-'));
  try {
    const tree = join(dir, 'rootfs');
    const { files, bytes } = makeTree(tree, 200 << 20);
    const aci = join(dir, 'big.aci');
    run(`${rkt} image build ${tree} ${aci} --name=bench.example/big >/dev/null`);
    rmSync(tree, { recursive: true, force: true });
    const store = join(dir, 'store');
    const out = join(dir, 'untar');
    const importResults = measure(
      [
        {
          label: 'rkt fetch (import + render)',
          before: `rm -rf ${store}`,
          script: `${rkt} --dir=${store} --insecure-options=image fetch ${aci} >/dev/null`,
        },
        { label: 'tar -xzf', before: `rm -rf ${out} && mkdir ${out}`, script: `tar -xzf ${aci} -C ${out}` },
      ],
      rounds,
    );
    report(`Import a gzip ACI: ${files} files, ${(bytes / 2 ** 20).toFixed(0)} MiB`, importResults, [
      ['import / tar -xzf (goal <= 1.3)', 'rkt fetch (import + render)', 'tar -xzf'],
    ]);
    rmSync(out, { recursive: true, force: true });

    const small = join(dir, 'small');
    run(`mkdir -p ${small}/rootfs/bin && cp /bin/busybox ${small}/rootfs/bin/`);
    run(
      `${rkt} image build ${small}/rootfs ${dir}/small.aci --name=bench.example/small --label=version=1 >/dev/null`,
    );
    run(`${rkt} --dir=${store} --insecure-options=image fetch ${dir}/small.aci >/dev/null`);
    const resolveResults = measure(
      [
        {
          label: 'rkt fetch --pull-policy=never NAME',
          script: `${rkt} --dir=${store} fetch --pull-policy=never bench.example/small:1 >/dev/null`,
        },
        { label: 'node -e 0', script: 'node -e 0' },
      ],
      rounds * 5,
    );
    report('Resolve a stored image by name', resolveResults, [
      ['resolve / node -e 0 (goal <= 1.3)', 'rkt fetch --pull-policy=never NAME', 'node -e 0'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
