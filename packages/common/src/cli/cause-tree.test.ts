import { describe, expect, it } from 'vitest';
import { RktError } from '../errors.js';
import { formatCauseTree } from './cause-tree.js';

describe('formatCauseTree', () => {
  it('is empty without a cause', () => {
    expect(formatCauseTree(new RktError('X', 'top'))).toBe('');
    expect(formatCauseTree('not an error')).toBe('');
  });

  it('indents each cause one level deeper, with codes of RktErrors and errno errors', () => {
    const errno = Object.assign(new Error('open /var/lib/rkt/pods'), { code: 'ENOENT' });
    const err = new RktError('A', 'top', { cause: new RktError('B', 'middle', { cause: errno }) });
    expect(formatCauseTree(err)).toBe('  └─middle [B]\n    └─open /var/lib/rkt/pods [ENOENT]\n');
  });

  it('does not repeat an errno code already in the message, and prints non-Error causes', () => {
    const errno = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const err = new Error('top', { cause: new Error('mid', { cause: errno }) });
    expect(formatCauseTree(err)).toBe('  └─mid\n    └─ENOENT: no such file\n');
    expect(formatCauseTree(new Error('top', { cause: 42 }))).toBe('  └─42\n');
  });

  it('stops at a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(formatCauseTree(a)).toBe('  └─b\n    └─(cycle)\n');
  });
});
