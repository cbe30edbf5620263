// Builds a stage1 image from its package: `node scripts/build-stage1.mjs packages/stage1-fly` (after
// the binaries: it packs with bin/rkt-build). The package's stage1.json says what goes in:
//   name, aciFile            image name and output file under bin/
//   annotations              the stage1 ABI (entrypoints, interface version, plan format)
//   scripts {path: src}      files copied executable into the rootfs
//   helpers {path: src}      C programs compiled against the host's libc
//   static {path: src}       C programs compiled static (they run inside a container's root)
//   dirs [path]              empty directories
// The version label is the engine's; mtimes are clamped to the epoch so the same sources give the
// same image ID.
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildStage1(pkg) {
  const here = resolve(root, pkg);
  const spec = JSON.parse(await readFile(join(here, 'stage1.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const work = join(root, 'build', basename(here));
  const rootfs = join(work, 'rootfs');
  await rm(work, { recursive: true, force: true });
  await mkdir(rootfs, { recursive: true, mode: 0o755 });
  try {
    for (const [name, src] of Object.entries(spec.scripts ?? {})) {
      await copyFile(join(here, src), join(rootfs, name));
      await chmod(join(rootfs, name), 0o755);
    }
    for (const dir of spec.dirs ?? []) await mkdir(join(rootfs, dir), { recursive: true, mode: 0o755 });
    const programs = [
      ...Object.entries(spec.helpers ?? {}).map(([name, src]) => [name, src, []]),
      ...Object.entries(spec.static ?? {}).map(([name, src]) => [name, src, ['-static', '-s']]),
    ];
    for (const [name, src, extra] of programs) {
      const out = join(rootfs, name);
      await mkdir(dirname(out), { recursive: true, mode: 0o755 });
      execFileSync(
        process.env.CC ?? 'cc',
        [...extra, '-O2', '-Wall', '-Wextra', '-Werror', '-o', out, join(here, src)],
        {
          stdio: 'inherit',
        },
      );
      await chmod(out, 0o755);
    }
    const args = [
      rootfs,
      join(root, 'bin', spec.aciFile),
      '--overwrite',
      `--name=${spec.name}`,
      `--label=version=${version}`,
    ];
    for (const [name, value] of Object.entries(spec.annotations)) args.push(`--annotation=${name}=${value}`);
    execFileSync(join(root, 'bin/rkt-build'), args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const pkg of process.argv.slice(2)) await buildStage1(pkg);
}
