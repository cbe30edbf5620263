import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface GpgKey {
  /** Primary key fingerprint, upper-case hex as gpg prints it. */
  fpr: string;
  /** The signing subkey's fingerprint, when one was added. */
  subFpr?: string;
  uid: string;
}

export interface SignOptions {
  /** ASCII armor (default) or binary packets. */
  armor?: boolean;
  /** Sign with the primary key even when a signing subkey exists. */
  primary?: boolean;
  /** gpg's --faked-system-time value, e.g. `20200101T120000!`. */
  time?: string;
}

/**
 * A throw-away gpg home for e2e tests: keys generated at test time, exported and used to sign.
 * close() kills the gpg-agent of this home only (gpgconf --homedir) and removes the directory.
 */
export class Gpg {
  private constructor(readonly home: string) {}

  static async create(): Promise<Gpg> {
    const home = await mkdtemp(join(tmpdir(), 'rkt-e2e-gnupg-'));
    return new Gpg(home);
  }

  async gpg(args: readonly string[]): Promise<string> {
    const { stdout } = await exec('gpg', ['--homedir', this.home, '--batch', '--yes', ...args], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    return stdout;
  }

  /** RSA-2048 signing key, as in host-facts §3. */
  async genRsa(name: string, email: string): Promise<GpgKey> {
    const params = join(this.home, `params-${email}`);
    await writeFile(
      params,
      `%no-protection\nKey-Type: RSA\nKey-Length: 2048\nKey-Usage: sign\nName-Real: ${name}\nName-Email: ${email}\nExpire-Date: 0\n%commit\n`,
    );
    await this.gpg(['--gen-key', params]);
    return this.key(email, `${name} <${email}>`);
  }

  /** Ed25519 signing key; `expire` as gpg takes it (`never`, `1d`), `time` to make it in the past. */
  async genEd25519(
    name: string,
    email: string,
    opts: { expire?: string; time?: string } = {},
  ): Promise<GpgKey> {
    const uid = `${name} <${email}>`;
    await this.gpg([
      ...(opts.time ? ['--faked-system-time', opts.time] : []),
      '--passphrase',
      '',
      '--quick-gen-key',
      uid,
      'ed25519',
      'sign',
      opts.expire ?? 'never',
    ]);
    return this.key(email, uid);
  }

  /** Adds an ed25519 signing subkey; gpg then signs with it unless told `FPR!`. */
  async addSigningSubkey(key: GpgKey): Promise<GpgKey> {
    await this.gpg(['--passphrase', '', '--quick-add-key', key.fpr, 'ed25519', 'sign']);
    const fprs = this.fprs(await this.gpg(['--with-colons', '--list-keys', key.fpr]));
    return { ...key, subFpr: fprs[fprs.length - 1] };
  }

  /** Imports the revocation certificate gpg wrote when it made the key. */
  async revoke(key: GpgKey): Promise<void> {
    const cert = await readFile(join(this.home, 'openpgp-revocs.d', `${key.fpr}.rev`), 'utf8');
    const path = join(this.home, `${key.fpr}.rev.asc`);
    // gpg prefixes the armor line with ':' so the certificate cannot be imported by accident.
    await writeFile(path, cert.replace(/^:-----BEGIN/m, '-----BEGIN'));
    await this.gpg(['--import', path]);
  }

  async exportPublic(key: GpgKey, path: string): Promise<string> {
    await this.gpg(['--armor', '--output', path, '--export', key.fpr]);
    return path;
  }

  async exportSecret(key: GpgKey, path: string): Promise<string> {
    await this.gpg([
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      '',
      '--armor',
      '--output',
      path,
      '--export-secret-keys',
      key.fpr,
    ]);
    return path;
  }

  /** Detached signature of `file` into `out`. */
  async sign(key: GpgKey, file: string, out: string, opts: SignOptions = {}): Promise<string> {
    await this.gpg([
      ...(opts.time ? ['--faked-system-time', opts.time] : []),
      '--local-user',
      opts.primary ? `${key.fpr}!` : key.fpr,
      ...(opts.armor === false ? [] : ['--armor']),
      '--output',
      out,
      '--detach-sign',
      file,
    ]);
    return out;
  }

  async close(): Promise<void> {
    await exec('gpgconf', ['--homedir', this.home, '--kill', 'all']).catch(() => undefined);
    await rm(this.home, { recursive: true, force: true });
  }

  private async key(email: string, uid: string): Promise<GpgKey> {
    const [fpr] = this.fprs(await this.gpg(['--with-colons', '--list-keys', `<${email}>`]));
    if (fpr === undefined) throw new Error(`gpg made no key for ${email}`);
    return { fpr, uid };
  }

  private fprs(colons: string): string[] {
    return colons
      .split('\n')
      .filter((l) => l.startsWith('fpr:'))
      .map((l) => l.split(':')[9] ?? '');
  }
}

/** gpg's fingerprint in rkt's display form: `XXXX XXXX XXXX XXXX XXXX  XXXX ...`. */
export function displayFingerprint(fpr: string): string {
  const g = fpr.match(/.{4}/g) ?? [];
  return `${g.slice(0, 5).join(' ')}  ${g.slice(5).join(' ')}`;
}
