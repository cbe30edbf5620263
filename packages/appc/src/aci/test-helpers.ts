import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pack, type Header } from 'tar-stream';

export const VALID_MANIFEST = JSON.stringify({
  acKind: 'ImageManifest',
  acVersion: '0.8.11',
  name: 'example.com/test',
  labels: [
    { name: 'os', value: 'linux' },
    { name: 'arch', value: 'amd64' },
  ],
});

export interface RawEntry extends Partial<Header> {
  name: string;
  body?: string | Buffer;
}

/** A tar built member by member, for archives the writer would never produce. */
export async function makeTar(entries: RawEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const { body, ...header } of entries) {
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null) => (err ? reject(err) : resolve());
      if (body === undefined) p.entry({ mtime: new Date(0), ...header }, cb);
      else p.entry({ mtime: new Date(0), ...header }, body, cb);
    });
  }
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}

export function aciMembers(manifest = VALID_MANIFEST): RawEntry[] {
  return [
    { name: 'manifest', body: manifest },
    { name: 'rootfs', type: 'directory' },
  ];
}

export function streamOf(buf: Buffer): Readable {
  return Readable.from([buf]);
}

export class Collect extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rkt-aci-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
