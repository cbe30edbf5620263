import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayFingerprint, Gpg, type GpgKey } from './helpers/gpg.js';
import { testImages } from './helpers/images.js';
import { rkt, run } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

/** The verifier under test: RKT_VERIFY_BIN lets the suite run against another build. */
const VERIFY = process.env.RKT_VERIFY_BIN ?? resolve(import.meta.dirname, '../bin/rkt-verify');
const NAME = 'example.com/busybox';

const tempDir = useTempDirs('rkt-e2e-verify-');
let gpg: Gpg;
let work: string;
let aci: string;
const keys: Record<'rsa' | 'ed' | 'stranger' | 'old' | 'revoked', GpgKey> = {} as never;
const pub: Record<string, string> = {};

beforeAll(async () => {
  gpg = await Gpg.create();
  work = await mkdtemp(join(tmpdir(), 'rkt-e2e-verify-keys-'));
  aci = join(work, 'busybox.aci');
  await copyFile(testImages().busybox.path, aci);
  keys.rsa = await gpg.genRsa('RSA Signer', 'rsa@example.com');
  keys.ed = await gpg.addSigningSubkey(await gpg.genEd25519('Ed Signer', 'ed@example.com'));
  keys.stranger = await gpg.genEd25519('Stranger', 'stranger@example.com');
  keys.old = await gpg.genEd25519('Old Signer', 'old@example.com', {
    expire: '1d',
    time: '20200101T000000!',
  });
  keys.revoked = await gpg.genEd25519('Revoked Signer', 'revoked@example.com');
  for (const [name, key] of Object.entries(keys)) {
    const ext = name === 'old' ? { time: '20200101T120000!' } : {};
    await gpg.sign(key, aci, join(work, `${name}.asc`), ext);
  }
  await gpg.sign(keys.rsa, aci, join(work, 'rsa.sig'), { armor: false });
  await gpg.sign(keys.ed, aci, join(work, 'ed-primary.asc'), { primary: true });
  await gpg.revoke(keys.revoked);
  for (const [name, key] of Object.entries(keys))
    pub[name] = await gpg.exportPublic(key, join(work, `${name}.pub`));
});

afterAll(async () => {
  await gpg?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Fresh config dirs trusting `trusted` (key names) for `prefix`, written as rkt trust would. */
async function store(trusted: string[], prefix = 'example.com'): Promise<string[]> {
  const dir = await tempDir();
  const flags = [`--system-config=${join(dir, 'system')}`, `--local-config=${join(dir, 'local')}`];
  for (const name of trusted) {
    const r = await rkt([
      'trust',
      ...flags,
      `--prefix=${prefix}`,
      '--skip-fingerprint-review',
      pub[name] as string,
    ]);
    expect(r.stderr).not.toMatch(/^trust: (?!warning)/m);
    expect(r.code).toBe(0);
  }
  return flags;
}

const verify = (flags: string[], args: string[]) => run(VERIFY, [...flags, ...args]);

describe('rkt-verify', () => {
  it('verifies an ACI against its armored signature (RSA) and names the signer', async () => {
    const flags = await store(['rsa']);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${join(work, 'rsa.asc')}`, aci]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `signature verified for "${NAME}"\n` +
        `  key fingerprint: ${displayFingerprint(keys.rsa.fpr)}\n` +
        `  user ID: RSA Signer <rsa@example.com>\n` +
        `  trusted as: prefix "example.com" (local)\n`,
    );
  });

  it('uses FILE.asc by default, and accepts a binary signature', async () => {
    const flags = await store(['rsa']);
    await copyFile(join(work, 'rsa.asc'), `${aci}.asc`);
    expect((await verify(flags, [`--name=${NAME}`, aci])).code).toBe(0);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${join(work, 'rsa.sig')}`, aci]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('reads the data from a pipe, and prints only JSON with --format=json', async () => {
    const flags = await store(['ed']);
    const sig = join(work, 'ed.asc');
    const args = [...flags, `--name=${NAME}`, `--signature=${sig}`, '--format=json', '-'];
    const r = await run('sh', ['-c', 'cat "$0" | "$@"', aci, VERIFY, ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      name: NAME,
      fingerprint: keys.ed.fpr.toLowerCase(),
      signingKeyFingerprint: keys.ed.subFpr?.toLowerCase(),
      userIds: ['Ed Signer <ed@example.com>'],
      trust: { prefix: 'example.com', source: 'local' },
    });
    const primary = await verify(flags, [
      `--name=${NAME}`,
      `--signature=${join(work, 'ed-primary.asc')}`,
      aci,
    ]);
    expect(primary.code).toBe(0);
    expect(primary.stdout).not.toContain('signing subkey');
  });

  it('refuses tampered data', async () => {
    const flags = await store(['rsa']);
    const bad = join(await tempDir(), 'bad.aci');
    const bytes = await readFile(aci);
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 1, bytes.length >> 1);
    await writeFile(bad, bytes);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${join(work, 'rsa.asc')}`, bad]);
    expect(r.code).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'verify: the data does not match its signature (signed digest did not match): it was modified, or the signature is for other data\n',
    );
  });

  it('refuses a tampered signature', async () => {
    const flags = await store(['rsa']);
    const sig = await readFile(join(work, 'rsa.sig'));
    sig.writeUInt8(sig.readUInt8(sig.length - 5) ^ 0x40, sig.length - 5);
    const bad = join(await tempDir(), 'bad.sig');
    await writeFile(bad, sig);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${bad}`, '--format=json', aci]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    expect(r.stderr).toMatch(/^verify: the signature is invalid or damaged: .*\n$/);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a signature at all\n'],
    ['broken armor', '-----BEGIN PGP SIGNATURE-----\n\n@@@@\n-----END PGP SIGNATURE-----\n'],
  ])('refuses an %s signature as NO_SIGNATURE', async (_, content) => {
    const flags = await store(['rsa']);
    const sig = join(await tempDir(), 'x.asc');
    await writeFile(sig, content);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${sig}`, '--format=json', aci]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'NO_SIGNATURE' } });
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('refuses a missing signature file', async () => {
    const r = await verify(await store([]), [`--name=${NAME}`, `--signature=/nonexistent/x.asc`, aci]);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/^verify: cannot read signature "\/nonexistent\/x.asc": ENOENT/);
  });

  it('names an untrusted signer and tells how to trust it', async () => {
    const flags = await store(['rsa']);
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${join(work, 'stranger.asc')}`, aci]);
    expect(r.code).toBe(254);
    expect(r.stderr).toBe(
      `verify: image "${NAME}" is signed by key ${displayFingerprint(keys.stranger.fpr)} ` +
        `(key ID ${keys.stranger.fpr.slice(-16)}), which is not trusted for "${NAME}"\n` +
        `If you trust the signer, add its public key and retry: rkt trust --prefix=${NAME} <keyfile>\n`,
    );
  });

  it('says when the key is trusted only for another prefix', async () => {
    const flags = await store(['rsa'], 'example.com/other');
    const r = await verify(flags, [
      `--name=${NAME}`,
      `--signature=${join(work, 'rsa.asc')}`,
      '--format=json',
      aci,
    ]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SIGNATURE_KEY_OTHER_PREFIX' } });
    expect(r.stderr).toContain('which is trusted only for prefix "example.com/other"\n');
    expect(r.stderr).toContain(`rkt trust --prefix=${NAME} <keyfile>`);
  });

  it('does not let trust for a.com/b leak to a.com/bc', async () => {
    const flags = await store(['rsa'], 'example.com/busy');
    const r = await verify(flags, [`--name=${NAME}`, `--signature=${join(work, 'rsa.asc')}`, aci]);
    expect(r.code).toBe(254);
    const ok = await verify(flags, [
      '--name=example.com/busy/box',
      `--signature=${join(work, 'rsa.asc')}`,
      aci,
    ]);
    expect(ok.code).toBe(0);
  });

  it('refuses a key that has expired since it signed', async () => {
    const flags = await store(['old']);
    const r = await verify(flags, [
      `--name=${NAME}`,
      `--signature=${join(work, 'old.asc')}`,
      '--format=json',
      aci,
    ]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'KEY_EXPIRED' } });
    expect(r.stderr).toBe(
      `verify: key ${displayFingerprint(keys.old.fpr)} expired on 2020-01-02T00:00:00.000Z\n`,
    );
  });

  it('refuses a revoked key', async () => {
    const flags = await store(['revoked']);
    const r = await verify(flags, [
      `--name=${NAME}`,
      `--signature=${join(work, 'revoked.asc')}`,
      '--format=json',
      aci,
    ]);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'KEY_REVOKED' } });
    expect(r.stderr).toBe(`verify: key ${displayFingerprint(keys.revoked.fpr)} has been revoked\n`);
  });

  it('uses root keys from system config, and a local empty file masks them', async () => {
    const dir = await tempDir();
    const flags = [`--system-config=${join(dir, 'system')}`, `--local-config=${join(dir, 'local')}`];
    const fpr = keys.rsa.fpr.toLowerCase();
    await mkdir(join(dir, 'system/trustedkeys/root.d'), { recursive: true });
    await copyFile(pub.rsa as string, join(dir, 'system/trustedkeys/root.d', fpr));
    const args = [`--name=${NAME}`, `--signature=${join(work, 'rsa.asc')}`, aci];
    const ok = await verify(flags, args);
    expect(ok.stdout).toContain('trusted as: root key (system)');
    await mkdir(join(dir, 'local/trustedkeys/root.d'), { recursive: true });
    await writeFile(join(dir, 'local/trustedkeys/root.d', fpr), '');
    expect((await verify(flags, args)).code).toBe(254);
  });

  it('prints help with exit 0', async () => {
    const r = await verify([], ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--signature');
  });

  it('needs --name, and --signature with stdin', async () => {
    const noName = await verify([], [aci]);
    expect(noName.code).toBe(254);
    expect(noName.stderr).toMatch(/^verify: --name is required/);
    const stdin = await verify([], [`--name=${NAME}`, '-']);
    expect(stdin.stderr).toMatch(/^verify: reading the data from stdin needs --signature/);
  });
});
