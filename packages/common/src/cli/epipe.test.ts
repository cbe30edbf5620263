import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardEpipe, isEpipe } from './epipe.js';

describe('guardEpipe', () => {
  it('calls onEpipe for EPIPE errors, once per stream even if installed twice', () => {
    const stream = new EventEmitter();
    const onEpipe = vi.fn();
    guardEpipe(stream, onEpipe);
    guardEpipe(stream, onEpipe);
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(onEpipe).toHaveBeenCalledTimes(1);
  });

  it('rethrows other errors', () => {
    const stream = new EventEmitter();
    guardEpipe(stream, () => undefined);
    expect(() => stream.emit('error', Object.assign(new Error('bad fd'), { code: 'EBADF' }))).toThrow(
      'bad fd',
    );
  });

  it('isEpipe', () => {
    expect(isEpipe({ code: 'EPIPE' })).toBe(true);
    expect(isEpipe(new Error('EPIPE'))).toBe(false);
    expect(isEpipe(null)).toBe(false);
  });
});

describe('guardEpipe on a real pipe', () => {
  it('catches the EPIPE Node emits when the reader has closed its end', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('sh', ['-c', 'exec <&-; echo closed; sleep 10'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const hit = new Promise<string>((resolve) => guardEpipe(child.stdin, () => resolve('epipe')));
      child.stdin.write('x'.repeat(1 << 16));
      expect(await hit).toBe('epipe');
    } finally {
      child.kill();
    }
  });
});
