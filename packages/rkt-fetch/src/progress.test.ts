import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns: 120,
    write: (chunk: string) => chunks.push(chunk) > 0,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    clearScreenDown: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('terminalProgress', () => {
  it('stays silent on a pipe', () => {
    expect(terminalProgress(fakeStream(false).stream)).toBeUndefined();
  });

  it('draws size, rate and ETA on a terminal', async () => {
    const { stream, text } = fakeStream(true);
    const sink = await terminalProgress(stream)!('app.aci', 4 << 20);
    sink.bytes(1 << 20);
    sink.bytes(3 << 20);
    sink.done();
    expect(text()).toMatch(/fetch: app\.aci \[=+ *\] 4\.0MiB \/ 4\.0MiB \S+\/s ETA \d+s/);
  });

  it('counts bytes of an unknown size', async () => {
    const { stream, text } = fakeStream(true);
    const sink = await terminalProgress(stream)!('x.aci', undefined);
    sink.bytes(2048);
    sink.done();
    expect(text()).toContain('fetch: x.aci 2.0KiB ');
  });
});
