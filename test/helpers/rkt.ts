import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The binary under test: RKT_BIN lets the same suite run against another build or implementation. */
export const RKT = process.env.RKT_BIN ?? resolve(import.meta.dirname, '../../bin/rkt');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  cwd?: string;
}

/** Run a command to completion, capturing its output. Never throws for a non-zero exit. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input);
  });
}

export function rkt(args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return run(RKT, args, opts);
}
