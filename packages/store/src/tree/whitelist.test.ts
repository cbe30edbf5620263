import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dir, file, hardlink, listing, render, symlink, Temp, type Spec } from './test-helpers.js';
import { PathFilter } from './whitelist.js';

const temp = new Temp();
afterEach(() => temp.cleanup());

const image: Spec[] = [
  dir('rootfs'),
  dir('rootfs/etc', 0o700),
  file('rootfs/etc/passwd', 'p'),
  file('rootfs/etc/shadow', 's'),
  dir('rootfs/etc/ssl'),
  dir('rootfs/var'),
  dir('rootfs/var/log'),
  symlink('rootfs/bin', 'usr/bin'),
];

describe('PathFilter', () => {
  it('keeps everything without whitelists, and rootfs always', () => {
    expect(new PathFilter().keeps('rootfs/x', false)).toBe(true);
    expect(new PathFilter({ own: [], ancestor: [] }).keeps('rootfs/x', true)).toBe(true);
    expect(new PathFilter({ own: ['/a'], ancestor: ['/a'] }).keeps('rootfs', true)).toBe(true);
  });

  it('matches cleaned absolute or relative names exactly, not their contents', () => {
    const f = new PathFilter({ own: ['/etc/x/', 'usr//bin', '/opt'] });
    expect(f.keeps('rootfs/etc/x', false)).toBe(true);
    expect(f.keeps('rootfs/usr/bin', false)).toBe(true);
    expect(f.keeps('rootfs/opt/y', false)).toBe(false);
  });

  it('keeps a directory under an ancestor whitelist when listed or on the way to a listed path', () => {
    const f = new PathFilter({ ancestor: ['/etc/ssl/cert.pem', '/run'] });
    expect(f.keeps('rootfs/etc', true)).toBe(true);
    expect(f.keeps('rootfs/etc/ssl', true)).toBe(true);
    expect(f.keeps('rootfs/run', true)).toBe(true);
    expect(f.keeps('rootfs/var', true)).toBe(false);
    expect(f.keeps('rootfs/etc/ssl/cert.pem', false)).toBe(true);
    expect(f.keeps('rootfs/etc/passwd', false)).toBe(false);
  });
});

describe('rendering with pathWhitelist', () => {
  it("keeps only the image's own listed non-directories, and all its directories", async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [{ whitelists: { own: ['/etc/passwd', '/bin'] }, entries: image }]);
    expect(listing(rootfs)).toEqual(['bin', 'etc', 'etc/passwd', 'etc/ssl', 'var', 'var/log']);
  });

  it("bounds a dependency by its ancestor's whitelist, keeping the parents of listed paths", async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), file('rootfs/app', 'app')] },
      { whitelists: { ancestor: ['/app', '/etc/passwd', '/var/log'] }, entries: image },
    ]);
    expect(listing(rootfs)).toEqual(['app', 'etc', 'etc/passwd', 'var', 'var/log']);
    expect(lstatSync(join(rootfs, 'etc')).mode & 0o7777).toBe(0o700);
  });

  it('needs a non-directory to be in both its own and the ancestor whitelist', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      {
        whitelists: { own: ['/etc/passwd', '/etc/shadow'], ancestor: ['/etc/shadow', '/bin'] },
        entries: image,
      },
    ]);
    expect(listing(rootfs)).toEqual(['etc', 'etc/shadow']);
  });

  it('rejects a kept hardlink whose target the whitelist drops', async () => {
    const { rootfs } = temp.make();
    const entries = [dir('rootfs'), file('rootfs/a', 'a'), hardlink('rootfs/b', 'rootfs/a')];
    await expect(render(rootfs, [{ whitelists: { own: ['/b'] }, entries }])).rejects.toMatchObject({
      code: 'ACI_INVALID',
      message: expect.stringMatching(/"rootfs\/b" points to "rootfs\/a", which is left out by pathWhitelist/),
    });
  });
});
