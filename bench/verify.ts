import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report, run } from './measure.js';
import { makeTree } from './tree.js';

/**
 * Verifying a detached signature of a ~200 MB ACI: `rkt-verify` against `gpg --verify` of the same
 * file and signature (an Ed25519 key made by gpg in a throw-away GNUPGHOME), and what verifying adds
 * to `rkt fetch` of that file (it is one pass: the verifier reads the bytes the import reads).
 */
export function benchVerify(rkt: string, rounds: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-bench-verify-'));
  const gnupg = join(dir, 'gnupg');
  const gpg = `gpg --homedir ${gnupg} --batch --yes --quiet`;
  try {
    mkdirSync(gnupg, { mode: 0o700 });
    const tree = join(dir, 'rootfs');
    makeTree(tree, 310 << 20); // ~200 MiB once tarred (the tree counts bytes its own way)
    const aci = join(dir, 'big.aci');
    run(`${rkt} image build ${tree} ${aci} --name=bench.example/big --compression=none >/dev/null`);
    rmSync(tree, { recursive: true, force: true });
    run(`${gpg} --passphrase '' --quick-gen-key 'Bench <bench@example.com>' ed25519 sign never 2>/dev/null`);
    run(`${gpg} --armor --detach-sign --output ${aci}.asc ${aci}`);
    run(`${gpg} --armor --export --output ${dir}/key.asc`);
    const config = `--system-config=${dir}/system --local-config=${dir}/local`;
    run(
      `${rkt} trust ${config} --prefix=bench.example --skip-fingerprint-review ${dir}/key.asc >/dev/null 2>&1`,
    );
    const store = join(dir, 'store');
    const results = measure(
      [
        {
          label: 'rkt-verify',
          script: `${rkt}-verify ${config} --name=bench.example/big ${aci} >/dev/null`,
        },
        { label: 'gpg --verify', script: `${gpg} --verify ${aci}.asc ${aci} 2>/dev/null` },
        {
          label: 'rkt fetch (verified)',
          before: `rm -rf ${store}`,
          script: `${rkt} --dir=${store} ${config} fetch ${aci} >/dev/null`,
        },
        {
          label: 'rkt fetch --insecure-options=image',
          before: `rm -rf ${store}`,
          script: `${rkt} --dir=${store} --insecure-options=image fetch ${aci} >/dev/null`,
        },
      ],
      rounds,
    );
    const size = statSync(aci).size;
    report(`Verify a signed ACI of ${(size / 2 ** 20).toFixed(0)} MiB (uncompressed)`, results, [
      ['rkt-verify / gpg --verify (goal <= 1.0)', 'rkt-verify', 'gpg --verify'],
      ['verified / unverified fetch', 'rkt fetch (verified)', 'rkt fetch --insecure-options=image'],
    ]);
  } finally {
    run(`gpgconf --homedir ${gnupg} --kill all >/dev/null 2>&1 || true`);
    rmSync(dir, { recursive: true, force: true });
  }
}
