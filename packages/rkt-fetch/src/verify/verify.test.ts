import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAci } from '@rkt/appc/aci';
import { Store } from '@rkt/store';
import { createContext } from '../context.js';
import { importInto } from '../sources/import.js';
import type { SignatureGate } from './gate.js';
import { signatureUrlFor } from './locations.js';
import { VerifierTap } from './tap.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rkt-fetch-verify-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function anAci(): Promise<Buffer> {
  const rootfs = join(tempDir(), 'rootfs');
  mkdirSync(join(rootfs, 'etc'), { recursive: true });
  writeFileSync(join(rootfs, 'etc/x'), 'x'.repeat(200_000));
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(c: Buffer, _e, done) {
      chunks.push(c);
      done();
    },
  });
  const manifest = { acKind: 'ImageManifest', acVersion: '0.8.11', name: 'example.com/app' } as const;
  await writeAci({ manifest, rootfs }, out, { compression: 'none' });
  return Buffer.concat(chunks);
}

const chunked = (bytes: Buffer) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) =>
      bytes.subarray(i * 4096, (i + 1) * 4096),
    ),
  );

describe('signatureUrlFor', () => {
  it.each([
    ['https://h/a/app.aci', 'https://h/a/app.aci.asc'],
    ['https://h/app.aci?token=1', 'https://h/app.aci.asc?token=1'],
    ['http://h:8080/app', 'http://h:8080/app.aci.asc'],
  ])('%s → %s', (image, sig) => {
    expect(signatureUrlFor(new URL(image)).href).toBe(sig);
  });
});

describe('VerifierTap', () => {
  it('hands every byte to both sides, at the pace of the slower one', async () => {
    const data = Buffer.alloc(300_000, 7);
    const seen: Buffer[] = [];
    const side = new Writable({
      highWaterMark: 1024,
      write(c: Buffer, _e, done) {
        seen.push(c);
        setTimeout(done, 1);
      },
    });
    const tap = chunked(data).pipe(new VerifierTap(side));
    const out: Buffer[] = [];
    tap.on('data', (c: Buffer) => out.push(c));
    await Promise.all([finished(tap), finished(side)]);
    expect(Buffer.concat(out).equals(data)).toBe(true);
    expect(Buffer.concat(seen).equals(data)).toBe(true);
  });

  it('stops feeding a side that gave up, without stalling the store side', async () => {
    const side = new PassThrough({ highWaterMark: 16 });
    side.destroy();
    const tap = chunked(Buffer.alloc(100_000)).pipe(new VerifierTap(side));
    let n = 0;
    tap.on('data', (c: Buffer) => (n += c.length));
    await finished(tap);
    expect(n).toBe(100_000);
  });
});

describe('importInto with a signature gate', () => {
  async function setup() {
    const dir = tempDir();
    const store = await Store.open(dir);
    const ctx = createContext(store, { dir, pullPolicy: 'update', insecure: new Set(), render: false });
    return { dir, store, ctx };
  }

  it('verifies the bytes the store reads, in the same pass, and commits only after the gate', async () => {
    const { store, ctx } = await setup();
    const bytes = await anAci();
    const sink = new PassThrough();
    const hashed: Buffer[] = [];
    sink.on('data', (c: Buffer) => hashed.push(c));
    const order: string[] = [];
    const gate: SignatureGate = {
      sink,
      beforeCommit: async (manifest) => {
        await finished(sink);
        order.push(`gate ${manifest.name} ${Buffer.concat(hashed).equals(bytes)}`);
        order.push(`listed ${(await store.listImages()).length}`);
      },
      abort: () => sink.destroy(),
    };
    const result = await importInto(ctx, chunked(bytes), 'app.aci', { latest: false, gate });
    expect(order).toEqual(['gate example.com/app true', 'listed 0']);
    expect((await store.listImages()).map((r) => r.key)).toEqual([result.record.key]);
    await store.close();
  });

  it('a refusing gate leaves no record and no temp file, and its error names the source', async () => {
    const { dir, store, ctx } = await setup();
    const sink = new PassThrough().resume();
    const gate: SignatureGate = {
      sink,
      beforeCommit: () => Promise.reject(Object.assign(new Error('digest mismatch'), { code: 'X' })),
      abort: () => sink.destroy(),
    };
    await expect(importInto(ctx, chunked(await anAci()), 'app.aci', { latest: false, gate })).rejects.toThrow(
      'digest mismatch',
    );
    expect(await store.listImages()).toEqual([]);
    expect(readdirSync(join(dir, 'cas/tmp'))).toEqual([]);
    expect(sink.destroyed).toBe(true);
    await store.close();
  });
});
