import { describe, expect, it } from 'vitest';
import { warn } from './streams.js';
import { MemorySink } from './test-sink.js';

describe('warn', () => {
  it('writes "<prog>: <message>" and a newline', () => {
    const sink = new MemorySink();
    warn('gc', 'moving pod "x" to garbage', sink);
    expect(sink.text).toBe('gc: moving pod "x" to garbage\n');
  });
});
