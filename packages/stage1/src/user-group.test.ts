import { chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_TREE, makeTree, useTempDirs } from './test-fixtures.js';
import { resolveGroup, resolveUser } from './user-group.js';

const tempDir = useTempDirs();
const image = async () => ({ root: await makeTree(join(await tempDir(), 'rootfs'), IMAGE_TREE) });

describe('resolveUser / resolveGroup', () => {
  it.each([
    ['0', 0],
    ['1000', 1000],
    ['4242', 4242],
    ['root', 0],
    ['app', 1000],
  ])('user %s → %i', async (spec, uid) => {
    expect(await resolveUser(await image(), 'a', spec)).toBe(uid);
  });

  it.each([
    ['0', 0],
    ['users', 100],
    ['app', 1000],
    ['root', 0],
  ])('group %s → %i', async (spec, gid) => {
    expect(await resolveGroup(await image(), 'a', spec)).toBe(gid);
  });

  it('takes the owner of a file for /path', async () => {
    const view = await image();
    const file = join(view.root, 'owned');
    await writeFile(file, '');
    // As root, give it an owner nobody else has; otherwise it is ours.
    const [uid, gid] = process.getuid?.() === 0 ? [1234, 5678] : [process.getuid?.(), process.getgid?.()];
    if (process.getuid?.() === 0) await chown(file, 1234, 5678);
    expect(await resolveUser(view, 'a', '/owned')).toBe(uid);
    expect(await resolveGroup(view, 'a', '/owned')).toBe(gid);
  });

  it('resolves root to 0 in an image without /etc/passwd, and no other name', async () => {
    const view = { root: await makeTree(join(await tempDir(), 'bare'), { 'bin/x': 'x' }) };
    expect(await resolveUser(view, 'a', 'root')).toBe(0);
    await expect(resolveUser(view, 'a', 'app')).rejects.toThrow(
      'app "a": user "app" not found in the image\'s /etc/passwd (no such file)',
    );
  });

  it.each([
    ['nobody', 'user', /user "nobody" not found in the image's \/etc\/passwd$/],
    ['/no/such/file', 'user', /user \/no\/such\/file: no such file in the image/],
    ['99999999999', 'user', /out of range/],
    ['wheel', 'group', /group "wheel" not found in the image's \/etc\/group$/],
  ])('refuses %s (%s)', async (spec, kind, message) => {
    const view = await image();
    const p = kind === 'user' ? resolveUser(view, 'a', spec) : resolveGroup(view, 'a', spec);
    await expect(p).rejects.toThrow(message);
    await expect(p).rejects.toMatchObject({
      code: kind === 'user' ? 'APP_USER_NOT_FOUND' : 'APP_GROUP_NOT_FOUND',
    });
  });

  it("never reads the host's passwd through a symlink in the image", async () => {
    const dir = await tempDir();
    const hostPasswd = join(dir, 'host-passwd');
    await writeFile(hostPasswd, 'hostonly:x:4242:4242::/:/bin/sh\n');
    const view = { root: await makeTree(join(dir, 'rootfs'), { 'etc/passwd': { link: hostPasswd } }) };
    await expect(resolveUser(view, 'a', 'hostonly')).rejects.toMatchObject({ code: 'APP_USER_NOT_FOUND' });
    const loop = { root: await makeTree(join(dir, 'loop'), { 'etc/passwd': { link: '/etc/passwd' } }) };
    await expect(resolveUser(loop, 'a', 'root')).resolves.toBe(0);
  });

  it('uses a passwd symlink that stays inside the image', async () => {
    const view = {
      root: await makeTree(join(await tempDir(), 'rootfs'), {
        'usr/share/passwd': 'svc:x:77:77::/:/bin/sh\n',
        'etc/passwd': { link: '../../../usr/share/passwd' },
      }),
    };
    expect(await resolveUser(view, 'a', 'svc')).toBe(77);
  });
});
