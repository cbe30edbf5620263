import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeImageManifest } from '@rkt/appc';
import { readAci } from '@rkt/appc/aci';
import { RktError } from '@rkt/common';
import type { Store } from '@rkt/store';
import { TreeWriter } from '@rkt/store/tree';
import { failure } from './errors.js';
import { discardOutputDir, prepareOutputDir } from './output-dir.js';
import { resolveImage } from './resolve.js';

export interface ExtractOptions {
  /** write only the rootfs, as the top of DIR */
  rootfsOnly: boolean;
  /** replace an existing DIR */
  overwrite: boolean;
  /** restore file owners; default: when running as root */
  chown?: boolean;
}

export interface ExtractResult {
  key: string;
  /** absolute path of DIR */
  path: string;
}

/**
 * `rkt image extract`: the image's own files (no dependencies) into DIR as an image layout
 * (`manifest` + `rootfs/`), or only its rootfs. The archive is checked against the image ID on the
 * way; on any failure DIR is left as it was found (or absent).
 */
export async function extractImage(
  store: Pick<Store, 'resolveImageArg' | 'openBlob'>,
  image: string,
  dir: string,
  opts: ExtractOptions,
): Promise<ExtractResult> {
  const record = await resolveImage(store, image);
  const out = await prepareOutputDir(dir, opts.overwrite);
  try {
    // The store's tree writer: it never writes through a symlink the archive made, never replaces
    // a path, and creates device nodes and fifos as root.
    const rootfs = opts.rootfsOnly ? out.path : join(out.path, 'rootfs');
    const writer = new TreeWriter(rootfs, { chown: opts.chown ?? process.geteuid?.() === 0 });
    writer.beginImage();
    const { stream } = await store.openBlob(record.key);
    const summary = await readAci(stream, { onEntry: (entry, body) => writer.write(entry, body) });
    if (summary.imageId !== record.id) {
      throw new RktError(
        'IMAGE_CORRUPT',
        `image ${record.key} is corrupt in the store: its content does not match its ID`,
      );
    }
    await writer.finish();
    if (!opts.rootfsOnly) {
      await writeFile(join(out.path, 'manifest'), encodeImageManifest(summary.manifest), { mode: 0o644 });
    }
  } catch (err) {
    await discardOutputDir(out);
    throw failure('EXTRACT_FAILED', 'error extracting ACI', err);
  }
  return { key: record.key, path: out.path };
}
