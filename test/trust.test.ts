import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayFingerprint, Gpg, type GpgKey } from './helpers/gpg.js';
import { RKT, rkt, run } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';

const tempDir = useTempDirs('rkt-e2e-trust-');
let gpg: Gpg;
let keyDir: string;
let signer: GpgKey;
let other: GpgKey;
let signerPub: string;
let otherPub: string;
let secret: string;

beforeAll(async () => {
  gpg = await Gpg.create();
  keyDir = gpg.home;
  signer = await gpg.addSigningSubkey(await gpg.genEd25519('Trust Signer', 'signer@example.com'));
  other = await gpg.genRsa('Other Signer', 'other@example.com');
  signerPub = await gpg.exportPublic(signer, join(keyDir, 'signer.pub.asc'));
  otherPub = await gpg.exportPublic(other, join(keyDir, 'other.pub.asc'));
  secret = await gpg.exportSecret(signer, join(keyDir, 'signer.sec.asc'));
});

afterAll(async () => {
  await gpg?.close();
});

/** Fresh system and local config dirs, and the flags that select them. */
async function configs() {
  const dir = await tempDir();
  const system = join(dir, 'system');
  const local = join(dir, 'local');
  return { system, local, flags: [`--system-config=${system}`, `--local-config=${local}`] };
}

const fpr = (k: GpgKey) => k.fpr.toLowerCase();

describe('rkt trust', () => {
  it('adds a key for a prefix without review, printing what rkt prints', async () => {
    const c = await configs();
    const r = await rkt([
      'trust',
      ...c.flags,
      '--prefix=example.com/app',
      '--skip-fingerprint-review',
      signerPub,
    ]);
    expect(r.code).toBe(0);
    const path = join(c.local, 'trustedkeys/prefix.d/example.com/app', fpr(signer));
    expect(r.stdout).toBe(
      `Trusting "${signerPub}" for prefix "example.com/app" without fingerprint review.\n` +
        `Added key for prefix "example.com/app" at "${path}"\n`,
    );
    expect(r.stderr).toBe(
      `prefix: "example.com/app"\nkey: "${signerPub}"\n` +
        `gpg key fingerprint is: ${displayFingerprint(signer.fpr)}\n` +
        `    Subkey fingerprint: ${displayFingerprint(signer.subFpr ?? '')}\n` +
        `\tTrust Signer <signer@example.com>\n`,
    );
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect((await stat(join(c.local, 'trustedkeys/prefix.d/example.com'))).mode & 0o777).toBe(0o755);
    expect(await readFile(path, 'utf8')).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    const imported = await gpg.gpg(['--with-colons', '--show-keys', path]);
    expect(imported).toContain(signer.fpr);
  });

  it('adds a root key with --root', async () => {
    const c = await configs();
    const r = await rkt(['trust', ...c.flags, '--root', '--skip-fingerprint-review', otherPub]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Added root key at "${join(c.local, 'trustedkeys/root.d', fpr(other))}"\n`);
    expect(r.stdout).toContain(`for prefix "" without fingerprint review.`);
  });

  it('needs a terminal to review a key, and then stores nothing', async () => {
    const c = await configs();
    const r = await rkt(['trust', ...c.flags, '--prefix=example.com', signerPub], { input: 'yes\n' });
    expect(r.code).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`gpg key fingerprint is: ${displayFingerprint(signer.fpr)}\n`);
    expect(r.stderr).toContain(
      'trust: cannot ask to review the key fingerprint: stdin and stderr must be a terminal\n' +
        'Check the fingerprint above, then run again with --skip-fingerprint-review.\n',
    );
    await expect(stat(c.local)).rejects.toThrow();
  });

  it('asks on a terminal, again on a wrong answer, and trusts after yes', async () => {
    const c = await configs();
    const cmd = [RKT, 'trust', ...c.flags, '--prefix=example.com', signerPub].map((a) => `'${a}'`).join(' ');
    const r = await run('script', ['-qec', cmd, '/dev/null'], { input: 'sure\nyes\n' });
    const out = r.stdout.replace(/\r/g, '');
    expect(r.code).toBe(0);
    expect(out).toContain(
      "Are you sure you want to trust this key (yes/no)?\nPlease enter 'yes' or 'no'\n" +
        'Are you sure you want to trust this key (yes/no)?\n' +
        `Trusting "${signerPub}" for prefix "example.com" after fingerprint review.\n`,
    );
    await stat(join(c.local, 'trustedkeys/prefix.d/example.com', fpr(signer)));
    const declined = await run('script', ['-qec', cmd.replace(c.local, `${c.local}2`), '/dev/null'], {
      input: 'no\n',
    });
    expect(declined.stdout.replace(/\r/g, '')).toContain(`trust: not trusting "${signerPub}"\n`);
    await expect(stat(`${c.local}2`)).rejects.toThrow();
  });

  it.each([
    [['k.asc'], 'trust: aborting due to implicit unbounded trust (root domain)\n'],
    [['--root', '--prefix=example.com', 'k.asc'], 'trust: --root and --prefix usage mutually exclusive\n'],
    [
      ['--prefix=https://example.com', 'k.asc'],
      'trust: --prefix must not contain a URL scheme, omit https://\n',
    ],
    [['--prefix=example.com/../../etc', 'k.asc'], 'trust: invalid prefix "example.com/../../etc": '],
  ])('refuses %j', async (args, message) => {
    const c = await configs();
    const r = await rkt(['trust', ...c.flags, ...args]);
    expect(r.code).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
  });

  it('prints help with exit 0 for --help', async () => {
    const r = await rkt(['trust', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--skip-fingerprint-review');
  });

  it('prints usage without a key or a scope', async () => {
    const r = await rkt(['trust']);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/^rkt trust \[--prefix=PREFIX \| --root\]/);
  });

  it.each([
    ['a private key', () => secret, 'holds a private key; refusing to store secret material'],
    ['garbage', () => join(keyDir, 'garbage'), 'is not an OpenPGP public key'],
    ['a missing file', () => join(keyDir, 'missing.asc'), 'cannot read key file'],
  ])('refuses %s', async (_, key, message) => {
    await writeFile(join(keyDir, 'garbage'), 'definitely not a key\n');
    const c = await configs();
    const r = await rkt(['trust', ...c.flags, '--root', '--skip-fingerprint-review', key(), '--format=']);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain(message);
    await expect(stat(join(c.local, 'trustedkeys'))).rejects.toThrow();
  });

  it('gets a key over http only with --insecure-allow-http', async () => {
    const body = await readFile(otherPub);
    const server: Server = createServer((_, res) => res.end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pubkeys.asc`;
      const c = await configs();
      const args = ['trust', ...c.flags, '--prefix=example.com', '--skip-fingerprint-review', url];
      const refused = await rkt(args);
      expect(refused.code).toBe(254);
      expect(refused.stderr).toBe(
        `trust: refusing to get key "${url}" over plain http\nUse an https URL, or pass --insecure-allow-http.\n`,
      );
      const ok = await rkt([...args, '--insecure-allow-http']);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`Trusting "${url}" for prefix "example.com" without fingerprint review.\n`);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('rkt trust list and rm', () => {
  it('lists local and system keys, removes local ones and masks system ones', async () => {
    const c = await configs();
    const sysRoot = join(c.system, 'trustedkeys/root.d');
    await mkdir(sysRoot, { recursive: true });
    await writeFile(join(sysRoot, fpr(other)), await readFile(otherPub));
    const add = await rkt([
      'trust',
      ...c.flags,
      '--prefix=example.com/app',
      '--skip-fingerprint-review',
      signerPub,
    ]);
    expect(add.code).toBe(0);

    const list = await rkt(['trust', 'list', ...c.flags]);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      'PREFIX\t\tFINGERPRINT\t\t\t\t\tUSER IDS\t\t\t\tSOURCE\n' +
        `(root)\t\t${fpr(other)}\tOther Signer <other@example.com>\tsystem\n` +
        `example.com/app\t${fpr(signer)}\tTrust Signer <signer@example.com>\tlocal\n`,
    );
    const json = await rkt(['trust', 'list', ...c.flags, '--prefix=example.com/app', '--format=json']);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        prefix: 'example.com/app',
        fingerprint: fpr(signer),
        userIds: ['Trust Signer <signer@example.com>'],
        subkeyFingerprints: [signer.subFpr?.toLowerCase()],
        source: 'local',
        path: join(c.local, 'trustedkeys/prefix.d/example.com/app', fpr(signer)),
      },
    ]);

    const rmLocal = await rkt([
      'trust',
      'rm',
      displayFingerprint(signer.fpr),
      '--prefix=example.com/app',
      ...c.flags,
    ]);
    expect(rmLocal.code).toBe(0);
    expect(rmLocal.stdout).toBe(
      `Removed key for prefix "example.com/app" at "${join(c.local, 'trustedkeys/prefix.d/example.com/app', fpr(signer))}"\n`,
    );
    const mask = join(c.local, 'trustedkeys/root.d', fpr(other));
    const rmSystem = await rkt(['trust', 'rm', other.fpr.slice(-16), '--root', ...c.flags]);
    expect(rmSystem.code).toBe(0);
    expect(rmSystem.stdout).toBe(
      `Masked system root key ${displayFingerprint(other.fpr)} ("${join(sysRoot, fpr(other))}") with an empty file at "${mask}"\n`,
    );
    expect((await stat(mask)).size).toBe(0);
    expect((await stat(join(sysRoot, fpr(other)))).size).toBeGreaterThan(0);
    expect((await rkt(['trust', 'list', ...c.flags])).stdout).toBe('PREFIX\tFINGERPRINT\tUSER IDS\tSOURCE\n');

    const again = await rkt(['trust', 'rm', fpr(other), ...c.flags, '--format=json']);
    expect(again.code).toBe(254);
    const missing = await rkt(['trust', 'rm', fpr(other), ...c.flags]);
    expect(missing.stderr).toBe(`trust: no key ${fpr(other)} is trusted\n`);
  });
});
