import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store, type ImageRecord } from '@rkt/store';
import { afterEach } from 'vitest';
import { TestServer } from './helpers/http-server.js';
import { rkt, type Run, type RunOptions } from './helpers/rkt.js';

/** Fast network failures: tests that expect one must not wait for the production defaults. */
export const FAST_ENV = {
  ...process.env,
  RKT_FETCH_RETRY_DELAY: '0.05',
  RKT_FETCH_STALL_TIMEOUT: '1',
  RKT_FETCH_CONNECT_TIMEOUT: '2',
};

/** `rkt --dir=DIR fetch ARGS...` */
export function fetch(dir: string, args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return rkt([`--dir=${dir}`, 'fetch', ...args], { env: FAST_ENV, ...opts });
}

export interface BuiltImage {
  path: string;
  /** full image ID */
  id: string;
  bytes: Buffer;
}

/** A tiny ACI (one file, content derived from the name) built with `rkt image build`. */
export async function buildImage(
  workDir: string,
  name: string,
  options: { version?: string; dependency?: string; label?: string[] } = {},
): Promise<BuiltImage> {
  const slug = name.replace(/[^a-z0-9]+/g, '_') + (options.version ?? '');
  const rootfs = join(workDir, `${slug}-rootfs`);
  await mkdir(join(rootfs, 'etc'), { recursive: true });
  await writeFile(join(rootfs, 'etc', 'image'), `${name} ${options.version ?? ''}\n`);
  const path = join(workDir, `${slug}.aci`);
  const args = ['image', 'build', rootfs, path, `--name=${name}`, '--overwrite'];
  if (options.version !== undefined) args.push(`--label=version=${options.version}`);
  for (const label of options.label ?? []) args.push(`--label=${label}`);
  if (options.dependency !== undefined) args.push(`--dependency=${options.dependency}`);
  const built = await rkt(args);
  if (built.code !== 0) throw new Error(`image build failed: ${built.stderr}`);
  return { path, id: built.stdout.trim(), bytes: await readFile(path) };
}

/** Opens the store at `dir` through the store library for a look, and closes it. */
export async function withStore<T>(dir: string, look: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(dir);
  try {
    return await look(store);
  } finally {
    await store.close();
  }
}

export const listImages = (dir: string): Promise<ImageRecord[]> => withStore(dir, (s) => s.listImages());

/** A server per test, closed after it. */
export function useServers(): () => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async () => {
    const server = await TestServer.start();
    started.push(server);
    return server;
  };
}

export const short = (id: string) => id.slice(0, 'sha512-'.length + 32);
export const key = (id: string) => id.slice(0, 'sha512-'.length + 64);
