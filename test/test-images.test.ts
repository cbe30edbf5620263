import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { run } from './helpers/rkt.js';

const images = testImages();

interface Manifest {
  app: { exec: string[]; user: string; group: string };
  dependencies: unknown[];
}

function manifestOf(aci: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', aci, 'manifest'], { encoding: 'utf8' })) as Manifest;
}

describe('test images (scripts/build-test-images.sh)', () => {
  it.each(Object.entries(images).filter(([k]) => k !== 'dir'))(
    '%s is a valid ACI for actool',
    async (_name, image) => {
      const img = image as { path: string; id: string };
      const r = await run('actool', ['validate', img.path]);
      expect(r.code, r.stderr).toBe(0);
      expect(img.id).toMatch(/^sha512-[0-9a-f]{128}$/);
    },
  );

  it('busybox carries the shell tools the tests use', () => {
    const listing = execFileSync('tar', ['-tzf', images.busybox.path], { encoding: 'utf8' }).split('\n');
    for (const tool of ['sh', 'true', 'sleep', 'cat', 'echo', 'id', 'ps', 'mount', 'ls', 'hostname']) {
      expect(listing).toContain(`rootfs/bin/${tool}`);
    }
    expect(manifestOf(images.busybox.path).app.exec).toEqual(['/bin/sh', '-c', 'echo hello from busybox']);
  });

  it("busybox-user runs as the image's non-root user", () => {
    expect(manifestOf(images.busyboxUser.path).app).toMatchObject({ user: 'app', group: 'app' });
  });

  it('layered depends on base by image ID and holds only its own files', () => {
    const m = manifestOf(images.layered.path);
    expect(m.dependencies).toEqual([
      {
        imageName: 'example.com/base',
        imageID: images.base.id,
        labels: [{ name: 'version', value: expect.any(String) }],
      },
    ]);
    const listing = execFileSync('tar', ['-tzf', images.layered.path], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(listing).toEqual([
      'manifest',
      'rootfs/',
      'rootfs/opt/',
      'rootfs/opt/app/',
      'rootfs/opt/app/hello',
    ]);
  });
});
