// Builds the fly stage1 image, bin/stage1-fly.aci: a rootfs of the sh entrypoints and the compiled
// exec helper, packed by bin/rkt-build (so run it after the binaries are built; scripts/build.mjs
// does, and `node packages/stage1-fly/build.mjs` works alone too). The manifest is stage1.json plus
// the engine's version label; os/arch labels default to this host, mtimes are clamped to the epoch so
// that the same sources give the same image ID.
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const spec = JSON.parse(await readFile(join(here, 'stage1.json'), 'utf8'));
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

const work = join(root, 'build/stage1-fly');
const rootfs = join(work, 'rootfs');
await rm(work, { recursive: true, force: true });
await mkdir(rootfs, { recursive: true, mode: 0o755 });
try {
  for (const [name, src] of Object.entries(spec.scripts)) {
    await copyFile(join(here, src), join(rootfs, name));
    await chmod(join(rootfs, name), 0o755);
  }
  for (const [name, src] of Object.entries(spec.helper)) {
    const cc = ['-O2', '-Wall', '-Wextra', '-Werror', '-o', join(rootfs, name), join(here, src)];
    execFileSync(process.env.CC ?? 'cc', cc, { stdio: 'inherit' });
    await chmod(join(rootfs, name), 0o755);
  }
  const args = [rootfs, join(root, 'bin', spec.aciFile), '--overwrite', `--name=${spec.name}`];
  args.push(`--label=version=${version}`);
  for (const [name, value] of Object.entries(spec.annotations)) args.push(`--annotation=${name}=${value}`);
  execFileSync(join(root, 'bin/rkt-build'), args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
  });
} finally {
  await rm(work, { recursive: true, force: true });
}
