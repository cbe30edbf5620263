import { describe, expect, it } from 'vitest';
import type { ImageCommand } from './command-line.js';
import { runImageCommand, type RunnableCommand } from './commands.js';
import { FakeStore, tree } from './fake-store.js';
import { record } from './test-records.js';

const NOW = Date.now();
const HOUR = 3_600_000;
const busybox = record('1', {
  name: 'example.com/busybox',
  lastUsed: NOW - 48 * HOUR,
  importTime: NOW - 50 * HOUR,
});
const worker = record('2', {
  name: 'example.com/worker',
  lastUsed: NOW - 30 * HOUR,
  importTime: NOW - 40 * HOUR,
});
const fresh = record('3', { name: 'example.com/fresh', lastUsed: NOW - HOUR, importTime: NOW - HOUR });

async function run(store: FakeStore, command: RunnableCommand) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  let code: number | undefined;
  let error: unknown;
  try {
    code = await runImageCommand(command, store.asStore(), io);
  } catch (err) {
    error = err;
  }
  return { code, error, stdout, stderr };
}

const q = JSON.stringify;

describe('rm', () => {
  it('removes each named image once and reports like rkt', async () => {
    const store = new FakeStore([busybox, worker, fresh]);
    const r = await run(store, { name: 'rm', images: ['example.com/busybox', 'sha512-2', 'sha512-1'] });
    expect(r).toMatchObject({ code: 0, error: undefined });
    expect(store.removed).toEqual([busybox.key, worker.key]);
    expect(r.stdout).toBe(
      `successfully removed aci for image: ${q(busybox.key)}\nsuccessfully removed aci for image: ${q(worker.key)}\n`,
    );
    expect(r.stderr).toBe('rm: 2 image(s) successfully removed\n');
  });

  it('reports an unknown or ambiguous argument and still exits 0', async () => {
    const store = new FakeStore([busybox, worker]);
    const r = await run(store, { name: 'rm', images: ['sha512-0', 'sha512-', 'sha512-2'] });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'rm: no image IDs found\nrm: ambiguous image ID: "sha512-"\nrm: 1 image(s) successfully removed\n',
    );
    const none = await run(new FakeStore([]), { name: 'rm', images: ['sha512-00'] });
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'rm: no image IDs found\n' });
  });

  it('fails (254) when an image cannot be removed', async () => {
    const store = new FakeStore([busybox, worker]);
    store.failRemoval.add(worker.key);
    const r = await run(store, { name: 'rm', images: ['sha512-1', 'sha512-2'] });
    expect(r.error).toMatchObject({ exitCode: 254, message: 'error(s) found while removing images' });
    expect(r.stdout).toBe(`successfully removed aci for image: ${q(busybox.key)}\n`);
    expect(r.stderr).toBe(
      `rm: error removing aci for image ${q(worker.key)} ("example.com/worker"): disk on fire\n` +
        'rm: 1 image(s) successfully removed\nrm: 1 image(s) cannot be removed\n',
    );
  });
});

describe('gc', () => {
  const trees = [tree('deps-sha512-aa', busybox.key), tree('deps-sha512-bb', fresh.key)];

  it('removes every tree, then the images unused for longer than the grace period, oldest first', async () => {
    const store = new FakeStore([fresh, worker, busybox], trees);
    store.debris = ['cas/tmp/x'];
    const r = await run(store, { name: 'gc', gracePeriodMs: 24 * HOUR });
    expect(r.code).toBe(0);
    expect(store.removedTrees).toEqual(['deps-sha512-aa', 'deps-sha512-bb']);
    expect(store.removed).toEqual([busybox.key, worker.key]);
    expect(r.stdout).toBe(
      `successfully removed aci for image: ${q(busybox.key)}\nsuccessfully removed aci for image: ${q(worker.key)}\n`,
    );
    expect(r.stderr).toBe(
      'gc: removed treestore "deps-sha512-aa"\ngc: removed treestore "deps-sha512-bb"\n' +
        'gc: 2 image(s) successfully removed\ngc: removed leftover "cas/tmp/x"\n',
    );
  });

  it('keeps images used within the grace period', async () => {
    const store = new FakeStore([fresh, worker, busybox]);
    const r = await run(store, { name: 'gc', gracePeriodMs: 40 * HOUR });
    expect(store.removed).toEqual([busybox.key]);
    expect(r.stderr).toBe('gc: 1 image(s) successfully removed\n');
  });

  it('prints nothing when there is nothing to collect', async () => {
    const r = await run(new FakeStore([fresh]), { name: 'gc', gracePeriodMs: 24 * HOUR });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('verify', () => {
  it('prints one line per image, in rkt wording', async () => {
    const store = new FakeStore([busybox, worker, fresh]);
    store.verify = { [worker.key]: 'verified', [fresh.key]: 'repaired' };
    const r = await run(store, { name: 'verify', images: ['sha512-1', 'example.com/worker', 'sha512-3'] });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'image "sha512-1" not rendered; no verification needed',
      `successfully verified checksum for image: "example.com/worker" (${q(worker.key)})`,
      'tree cache verification failed for image sha512-3: tree hash mismatch; rebuilt the tree',
      '',
    ]);
  });

  it('stops with 254 at an image it cannot resolve', async () => {
    const r = await run(new FakeStore([busybox]), {
      name: 'verify',
      images: ['sha512-1', 'sha512-9', 'sha512-1'],
    });
    expect(r.stdout).toBe('image "sha512-1" not rendered; no verification needed\n');
    expect(r.error).toMatchObject({
      exitCode: 254,
      code: 'IMAGE_NOT_FOUND',
      message: 'unable to resolve store key for image sha512-9: no image IDs found',
    });
  });
});

describe('cat-manifest', () => {
  const store = new FakeStore([busybox]);
  store.manifests[busybox.key] = {
    acKind: 'ImageManifest',
    acVersion: '0.8.11',
    name: 'example.com/busybox',
    labels: [{ name: 'version', value: '1.35.0' }],
    annotations: [{ name: 'authors', value: 'A <a@example.com>' }],
  } as never;

  it('prints the manifest tab-indented, in Go key order', async () => {
    const r = await run(store, { name: 'cat-manifest', image: 'sha512-1', pretty: true });
    expect(r.stdout).toBe(
      '{\n\t"acKind": "ImageManifest",\n\t"acVersion": "0.8.11",\n\t"name": "example.com/busybox",\n' +
        '\t"labels": [\n\t\t{\n\t\t\t"name": "version",\n\t\t\t"value": "1.35.0"\n\t\t}\n\t],\n' +
        '\t"annotations": [\n\t\t{\n\t\t\t"name": "authors",\n\t\t\t"value": "A \\u003ca@example.com\\u003e"\n\t\t}\n\t]\n}\n',
    );
  });

  it('prints it on one line with --pretty-print=false', async () => {
    const r = await run(store, { name: 'cat-manifest', image: 'sha512-1', pretty: false });
    expect(r.stdout).toBe(
      '{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/busybox",' +
        '"labels":[{"name":"version","value":"1.35.0"}],"annotations":[{"name":"authors","value":"A \\u003ca@example.com\\u003e"}]}\n',
    );
  });
});

describe('list', () => {
  const list = (format: 'json' | 'text'): ImageCommand => ({
    name: 'list',
    fields: ['id', 'name'],
    sort: ['importtime'],
    ascending: true,
    noLegend: false,
    full: false,
    format,
  });

  it('prints only JSON on stdout in JSON mode, and null for no image', async () => {
    const r = await run(new FakeStore([worker, busybox]), list('json') as RunnableCommand);
    expect(r.stderr).toBe('');
    const parsed = JSON.parse(r.stdout) as { id: string }[];
    expect(parsed.map((i) => i.id)).toEqual([busybox.key, worker.key]);
    expect((await run(new FakeStore([]), list('json') as RunnableCommand)).stdout).toBe('null\n');
  });

  it('prints the table', async () => {
    const r = await run(new FakeStore([busybox]), list('text') as RunnableCommand);
    expect(r.stdout).toBe('ID\t\t\tNAME\nsha512-111111111111\texample.com/busybox\n');
  });
});
