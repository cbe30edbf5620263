import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { AciEntry } from '@rkt/appc';
import type { Layout } from './layout.js';
import { TreeWriter } from './tree/index.js';
import { createTempTree, discardTempTree } from './tree-store.js';
import type { Temp } from './temp.js';

/** Trees render with owners from the archive only as root; otherwise files belong to the caller. */
export function shouldChown(): boolean {
  return process.geteuid?.() === 0;
}

/** A tree being rendered into a locked temp dir (`cas/tree/.tmp-*`) while its archive is read. */
export interface InlineTree {
  temp: Temp;
  writer: TreeWriter;
  write: (entry: AciEntry, body: Readable) => Promise<void>;
  discard: () => Promise<void>;
}

/**
 * The manifest is known only once the archive has been read, so the inline tree is rendered without
 * a path whitelist; an image that turns out to have one (or dependencies) is rendered again later.
 */
export async function startInlineTree(layout: Layout): Promise<InlineTree> {
  const temp = createTempTree(layout);
  try {
    const writer = new TreeWriter(join(temp.path, 'rootfs'), { chown: shouldChown() });
    writer.beginImage();
    return {
      temp,
      writer,
      write: (entry, body) => writer.write(entry, body),
      discard: () => discardTempTree(temp),
    };
  } catch (e) {
    await discardTempTree(temp);
    throw e;
  }
}
