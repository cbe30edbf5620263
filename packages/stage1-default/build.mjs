// Builds the default stage1 image, bin/stage1-default.aci: the sh entrypoints, their shared library
// and the pause's root (a static /pause and an empty /dev), packed by bin/rkt-build (run it after the
// binaries are built; scripts/build.mjs does, `node packages/stage1-default/build.mjs` works alone).
// The manifest is stage1.json plus the engine's version label; mtimes are clamped to the epoch so
// the same sources give the same image ID.
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const spec = JSON.parse(await readFile(join(here, 'stage1.json'), 'utf8'));
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

const work = join(root, 'build/stage1-default');
const rootfs = join(work, 'rootfs');
await rm(work, { recursive: true, force: true });
await mkdir(rootfs, { recursive: true, mode: 0o755 });
try {
  for (const [name, src] of Object.entries(spec.scripts)) {
    await copyFile(join(here, src), join(rootfs, name));
    await chmod(join(rootfs, name), 0o755);
  }
  for (const dir of spec.dirs) await mkdir(join(rootfs, dir), { recursive: true, mode: 0o755 });
  for (const [name, src] of Object.entries(spec.static)) {
    const out = join(rootfs, name);
    await mkdir(dirname(out), { recursive: true, mode: 0o755 });
    const cc = ['-static', '-O2', '-s', '-Wall', '-Wextra', '-Werror', '-o', out, join(here, src)];
    execFileSync(process.env.CC ?? 'cc', cc, { stdio: 'inherit' });
    await chmod(out, 0o755);
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
