import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A synthetic rootfs of about `totalBytes`: many small files and a few large ones, half of each file
 * compressible text and half pseudo-random bytes, like binaries and data in a real image.
 * Deterministic, so every run measures the same input.
 */
export function makeTree(root: string, totalBytes: number): { files: number; bytes: number } {
  let seed = 42;
  const random = (n: number) => {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      b[i] = seed >>> 24;
    }
    return b;
  };
  const noise = random(1 << 20);
  const text = Buffer.from('lorem ipsum dolor sit amet, consectetur adipiscing elit\n'.repeat(20000));
  let bytes = 0;
  let files = 0;
  for (let d = 0; bytes < totalBytes; d++) {
    const dir = join(root, `usr/lib/pkg${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 50 && bytes < totalBytes; f++) {
      const size = f === 0 ? 4 << 20 : 2048 + ((f * 7919) % 60000);
      const half = size >> 1;
      const body = Buffer.concat([
        text.subarray(0, half),
        noise.subarray(
          (f * 4099) % (noise.length - half),
          ((f * 4099) % (noise.length - half)) + size - half,
        ),
      ]);
      writeFileSync(join(dir, `file${f}`), body);
      bytes += size;
      files++;
    }
  }
  return { files, bytes };
}
