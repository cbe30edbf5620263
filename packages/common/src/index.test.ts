import { describe, expect, it } from 'vitest';
import * as common from './index.js';

describe('@rkt/common entry point', () => {
  it('exports the shared CLI plumbing', () => {
    const expected = [
      'RktError',
      'runCli',
      'warn',
      'formatTable',
      'formatJson',
      'parseFormat',
      'humanizeTime',
      'formatFullTime',
      'formatIECSize',
      'addGlobalFlags',
      'globalOptionsFrom',
      'parseInsecureOptions',
      'loadConfig',
      'resolveDataDir',
      'writeFileAtomic',
      'fsyncDir',
    ];
    for (const name of expected) expect(typeof (common as Record<string, unknown>)[name]).toBe('function');
  });
});
