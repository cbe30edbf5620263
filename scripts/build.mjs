// Builds every binary: each Node CLI is bundled by esbuild into one file under bin/ (one file to load is
// what keeps a Node start cheap); shell entrypoints are copied as they are. Run from the project root.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';

/** bin/<name> ← entry point. Keep in step with the dispatcher in packages/rkt/src/rkt.sh. */
const NODE_BINARIES = {
  'rkt-build': 'packages/rkt-build/src/cli.ts',
  'rkt-cat-manifest': 'packages/rkt-pods/src/cat-manifest-cli.ts',
  'rkt-enter': 'packages/rkt-pods/src/enter-cli.ts',
  'rkt-fetch': 'packages/rkt-fetch/src/cli.ts',
  'rkt-gc': 'packages/rkt-pods/src/gc-cli.ts',
  'rkt-image': 'packages/rkt-image/src/cli.ts',
  'rkt-list': 'packages/rkt-pods/src/list-cli.ts',
  'rkt-prepare': 'packages/rkt-prepare/src/prepare-cli.ts',
  'rkt-rm': 'packages/rkt-pods/src/rm-cli.ts',
  'rkt-run': 'packages/rkt-prepare/src/run-cli.ts',
  'rkt-run-prepared': 'packages/rkt-prepare/src/run-prepared-cli.ts',
  'rkt-status': 'packages/rkt-pods/src/status-cli.ts',
  'rkt-stop': 'packages/rkt-pods/src/stop-cli.ts',
  'rkt-trust': 'packages/rkt-verify/src/trust-cli.ts',
  'rkt-verify': 'packages/rkt-verify/src/cli.ts',
  'rkt-version': 'packages/rkt/src/version-cli.ts',
};
const SHELL_BINARIES = { rkt: 'packages/rkt/src/rkt.sh' };
/** Tools for the benchmarks, bundled the same way but kept out of bin/. */
const BENCH = { 'bench.mjs': 'bench/run.ts' };

// CommonJS output runs from any directory (bin/ may be installed where no package.json says "module");
// import.meta.url is rebuilt from __filename for ESM-only dependencies that read it.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  define: { 'import.meta.url': '__rkt_import_meta_url' },
  banner: { js: "const __rkt_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

await rm('bin', { recursive: true, force: true });
await mkdir('bin', { recursive: true });
// The bundles have no extension; inside this repository the root package.json would make Node read
// them as ES modules, so bin/ declares itself CommonJS (installed copies need no such file).
await writeFile('bin/package.json', '{ "type": "commonjs" }\n');
await Promise.all(
  Object.entries(NODE_BINARIES).map(([name, entry]) =>
    build({
      ...common,
      entryPoints: [entry],
      outfile: `bin/${name}`,
      banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    }).then(() => chmod(`bin/${name}`, 0o755)),
  ),
);
// The N-API addon for the system calls Node lacks; the bundles load it from their own directory.
await mkdir('build', { recursive: true });
execFileSync(
  'cc',
  [
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-shared',
    '-fPIC',
    '-DNODE_GYP_MODULE_NAME=rkt_native',
    `-I${process.env.NODE_INCLUDE ?? '/usr/include/node'}`,
    '-o',
    'build/rkt-native.node',
    'packages/native/src/rkt-native.c',
  ],
  { stdio: 'inherit' },
);
await copyFile('build/rkt-native.node', 'bin/rkt-native.node');
for (const [name, src] of Object.entries(SHELL_BINARIES)) {
  await copyFile(src, `bin/${name}`);
  await chmod(`bin/${name}`, 0o755);
}
await Promise.all(
  Object.entries(BENCH).map(([name, entry]) =>
    build({ ...common, entryPoints: [entry], outfile: `build/${name.replace(/\.mjs$/, '.cjs')}` }),
  ),
);
// The stage1 images, bin/stage1-fly.aci and bin/stage1-default.aci (packed with bin/rkt-build).
const { buildStage1 } = await import('./build-stage1.mjs');
await buildStage1('packages/stage1-fly');
await buildStage1('packages/stage1-default');
