import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeImageManifest, MAX_MANIFEST_BYTES } from '@rkt/appc';
import { RktError } from '@rkt/common';

/** A build input: either an image layout (`manifest` + `rootfs/`) or a bare rootfs directory. */
export interface BuildSource {
  rootfs: string;
  /** the layout's manifest as JSON, already validated; undefined for a bare rootfs */
  manifest?: Record<string, unknown>;
}

export async function readBuildSource(dir: string): Promise<BuildSource> {
  const st = await stat(dir).catch((e: NodeJS.ErrnoException) => {
    throw new RktError(
      'BUILD_SOURCE',
      `cannot read ${dir}: ${e.code === 'ENOENT' ? 'no such directory' : e.message}`,
    );
  });
  if (!st.isDirectory()) throw new RktError('BUILD_SOURCE', `${dir} is not a directory`);
  const names = await readdir(dir);
  if (!names.includes('manifest')) return { rootfs: dir };
  const extra = names.filter((n) => n !== 'manifest' && n !== 'rootfs');
  if (extra.length > 0) {
    throw new RktError(
      'BUILD_SOURCE',
      `${dir} is an image layout but also holds ${extra.map((n) => `"${n}"`).join(', ')}: a layout holds only manifest and rootfs/`,
    );
  }
  const rootfs = join(dir, 'rootfs');
  if (
    !(await stat(rootfs).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new RktError('BUILD_SOURCE', `${dir} has a manifest but no rootfs/ directory`);
  }
  const manifestPath = join(dir, 'manifest');
  if ((await stat(manifestPath)).size > MAX_MANIFEST_BYTES) {
    throw new RktError('BUILD_SOURCE', `${manifestPath} is larger than ${MAX_MANIFEST_BYTES} bytes`);
  }
  const text = await readFile(manifestPath, 'utf8');
  decodeImageManifest(text);
  return { rootfs, manifest: JSON.parse(text) as Record<string, unknown> };
}
