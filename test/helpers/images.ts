import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    imagesDir: string;
  }
}

/** The test images global-setup.ts built for this run: their paths and image IDs. */
export function testImages() {
  const dir = inject('imagesDir');
  const ids = Object.fromEntries(
    readFileSync(join(dir, 'images.env'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
  const image = (file: string, key: string) => ({ path: join(dir, file), id: ids[`${key}_ID`] as string });
  return {
    dir,
    busybox: image('busybox.aci', 'BUSYBOX'),
    busyboxUser: image('busybox-user.aci', 'BUSYBOX_USER'),
    worker: image('worker.aci', 'WORKER'),
    base: image('base.aci', 'BASE'),
    layered: image('layered.aci', 'LAYERED'),
  };
}
