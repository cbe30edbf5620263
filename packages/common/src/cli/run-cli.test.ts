import { describe, expect, it } from 'vitest';
import { RktError } from '../errors.js';
import { runCli } from './run-cli.js';
import type { RunCliOptions } from './run-cli.js';
import { MemorySink } from './test-sink.js';

async function run(main: () => Promise<number | void>, options: RunCliOptions = {}) {
  const stdout = new MemorySink();
  const stderr = new MemorySink();
  let exitCode: number | undefined;
  const returned = await runCli('rkt-gc', main, {
    argv: [],
    stdout,
    stderr,
    setExitCode: (c) => {
      exitCode = c;
    },
    ...options,
  });
  expect(returned).toBe(exitCode);
  return { stdout: stdout.text, stderr: stderr.text, exitCode };
}

const notFound = () =>
  new RktError('POD_NOT_FOUND', 'no pod matches "abc"', {
    hint: 'see "rkt list" for the pods',
    cause: new RktError('STORE', 'reading pods dir', { cause: new Error('EACCES: permission denied') }),
  });

describe('runCli', () => {
  it('exits 0 when main returns nothing, and with the number it returns', async () => {
    expect(await run(async () => undefined)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run(async () => 3)).exitCode).toBe(3);
  });

  it('prints an RktError as "<prog>: <message>" plus the hint, with its exit code', async () => {
    const r = await run(async () => {
      throw notFound();
    });
    expect(r).toEqual({
      stdout: '',
      stderr: 'rkt-gc: no pod matches "abc"\nsee "rkt list" for the pods\n',
      exitCode: 254,
    });
    const custom = await run(async () => {
      throw new RktError('UUID_FILE', 'cannot read uuid file', { exitCode: 1 });
    });
    expect(custom).toEqual({ stdout: '', stderr: 'rkt-gc: cannot read uuid file\n', exitCode: 1 });
  });

  it('with --debug in argv prints the cause chain as a tree', async () => {
    const r = await run(
      async () => {
        throw notFound();
      },
      { argv: ['--debug', 'gc'] },
    );
    expect(r.stderr).toBe(
      'rkt-gc: no pod matches "abc"\n' +
        '  └─reading pods dir [STORE]\n' +
        '    └─EACCES: permission denied\n' +
        'see "rkt list" for the pods\n',
    );
  });

  it('the debug option overrides argv', async () => {
    const r = await run(
      async () => {
        throw notFound();
      },
      { argv: ['--debug'], debug: false },
    );
    expect(r.stderr).not.toContain('└─');
  });

  it('treats anything else as a bug: stack, report line, 254', async () => {
    const r = await run(async () => {
      throw new TypeError('x is undefined');
    });
    expect(r.exitCode).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^rkt-gc: TypeError: x is undefined\n {4}at /);
    expect(r.stderr.endsWith('\nrkt-gc: this is a bug, please report it\n')).toBe(true);
    const thrownString = await run(() => Promise.reject('boom'));
    expect(thrownString.stderr).toBe('rkt-gc: boom\nrkt-gc: this is a bug, please report it\n');
  });

  it('in JSON mode writes one JSON object on stdout and the message on stderr', async () => {
    const r = await run(
      async () => {
        throw notFound();
      },
      { json: () => true },
    );
    expect(r.stdout).toBe(
      '{"error":{"code":"POD_NOT_FOUND","message":"no pod matches \\"abc\\"","hint":"see \\"rkt list\\" for the pods"}}\n',
    );
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'POD_NOT_FOUND', message: 'no pod matches "abc"', hint: 'see "rkt list" for the pods' },
    });
    expect(r.stderr).toBe('rkt-gc: no pod matches "abc"\nsee "rkt list" for the pods\n');
  });

  it('in JSON mode reports a bug as code INTERNAL and omits an absent hint', async () => {
    const r = await run(
      async () => {
        throw new Error('oops');
      },
      { json: true },
    );
    expect(r.stdout).toBe('{"error":{"code":"INTERNAL","message":"oops"}}\n');
    expect(r.exitCode).toBe(254);
  });

  it('ends quietly on EPIPE', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(
      await run(async () => {
        throw epipe;
      }),
    ).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});
