import { describe, expect, it } from 'vitest';
import { rkt } from './helpers/rkt.js';

describe('rkt (the dispatcher)', () => {
  it('prints help and exits 2 without a command, as rkt does', async () => {
    const r = await rkt([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^NAME:\n\trkt - rkt, the application container runner/);
  });

  it('prints help and exits 0 for --help', async () => {
    const r = await rkt(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('COMMANDS:');
  });

  it("rejects an unknown command with rkt's message and 254", async () => {
    const r = await rkt(['bogus-command']);
    expect(r.code).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Error: unknown command "bogus-command" for "rkt"\nRun \'rkt --help\' for usage.\n',
    );
  });

  it('rejects an unknown image subcommand', async () => {
    const r = await rkt(['image', 'bogus']);
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('unknown command "bogus" for "rkt image"');
  });

  it('refuses command words that are paths', async () => {
    const r = await rkt(['../../bin/sh']);
    expect(r.code).toBe(254);
  });

  it('finds the command after global flags in both spellings', async () => {
    for (const args of [
      ['--dir=/tmp/x', 'version'],
      ['--dir', '/tmp/x', '--debug', 'version'],
      ['--insecure-options', 'image', 'version'],
    ]) {
      const r = await rkt(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^rkt Version: /);
    }
  });
});

describe('rkt version', () => {
  it("prints rkt's version lines", async () => {
    const r = await rkt(['version']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^rkt Version: \d+\.\d+\.\d+/);
    expect(lines[1]).toBe('appc Version: 0.8.11');
    expect(lines[2]).toBe(`Node Version: ${process.version}`);
    expect(lines[3]).toMatch(/^Node OS\/Arch: linux\/\w+$/);
    expect(lines[4]).toBe('Features: -TPM -SDJOURNAL');
  });

  it('rejects unknown flags with 254', async () => {
    const r = await rkt(['version', '--format=json']);
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(/Unknown argument|format/);
  });
});
