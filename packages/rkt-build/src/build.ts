import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseImageManifest, type Compression, type ImageManifest } from '@rkt/appc';
import { PIPE_BUFFER, writeAci } from '@rkt/appc/aci';
import { fsyncDir, RktError } from '@rkt/common';
import { applyManifestFlags, skeletonManifest, type ManifestFlags } from './manifest-flags.js';
import { readBuildSource } from './source.js';

export interface BuildOptions extends ManifestFlags {
  /** an image layout or a bare rootfs */
  source: string;
  /** output path, or `-` for stdout */
  output: string;
  compression?: Compression;
  overwrite?: boolean;
  /** seconds since the epoch: the manifest's mtime and a clamp on every file's (SOURCE_DATE_EPOCH) */
  sourceDateEpoch?: number;
  /** stream used when output is `-` */
  stdout?: Writable;
  warn?: (message: string) => void;
}

export interface BuildResult {
  /** appc image ID: `sha512-` + 128 hex */
  imageId: string;
  output: string;
  manifest: ImageManifest;
  tarSize: number;
  entries: number;
}

/** Build an ACI from a layout or rootfs plus flags. The output appears whole or not at all. */
export async function buildImage(opts: BuildOptions): Promise<BuildResult> {
  const source = await readBuildSource(opts.source);
  if (source.manifest === undefined && opts.name === undefined) {
    throw new RktError('BUILD_NO_NAME', `${opts.source} has no manifest: give the image a --name`);
  }
  const raw = applyManifestFlags(source.manifest ?? skeletonManifest(), opts, source.manifest === undefined);
  const manifest = parseImageManifest(raw);
  await warnMissingExec(source.rootfs, manifest, opts.warn);
  const epoch = opts.sourceDateEpoch;
  const writeOpts = {
    compression: opts.compression ?? 'gzip',
    manifestMtime: new Date((epoch ?? 0) * 1000),
    clampMtimes: epoch !== undefined,
    ...(opts.warn ? { onWarning: opts.warn } : {}),
  };
  const aciSource = { manifest, rootfs: source.rootfs };
  if (opts.output === '-') {
    const written = await writeAci(aciSource, opts.stdout ?? process.stdout, writeOpts);
    return { ...written, output: '-', manifest };
  }
  if (!opts.overwrite && (await exists(opts.output))) {
    throw new RktError(
      'BUILD_OUTPUT_EXISTS',
      `${opts.output} already exists (use --overwrite to replace it)`,
    );
  }
  const tmp = join(dirname(opts.output), `.${basename(opts.output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const written = await writeAci(
      aciSource,
      createWriteStream(tmp, { mode: 0o644, highWaterMark: PIPE_BUFFER }),
      writeOpts,
    );
    const fh = await open(tmp, 'r');
    await fh.sync().finally(() => fh.close());
    await rename(tmp, opts.output);
    await fsyncDir(dirname(opts.output));
    return { ...written, output: opts.output, manifest };
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function warnMissingExec(rootfs: string, m: ImageManifest, warn?: (s: string) => void): Promise<void> {
  const exec0 = m.app?.exec?.[0];
  if (!warn || !exec0?.startsWith('/')) return;
  if (!(await exists(join(rootfs, exec0)))) warn(`app.exec[0] ${exec0} does not exist in the rootfs`);
}
