import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FingerprintReview, PROMPT } from './review.js';

function review(answers: string, interactive = true) {
  const input = new PassThrough();
  input.end(answers);
  let output = '';
  const r = new FingerprintReview({ input, output: { write: (s: string) => (output += s) }, interactive });
  return { r, output: () => output };
}

describe('FingerprintReview', () => {
  it('accepts an exact yes and refuses an exact no, one line per key', async () => {
    const { r, output } = review('yes\nno\n');
    expect(await r.confirm()).toBe(true);
    expect(await r.confirm()).toBe(false);
    r.close();
    expect(output()).toBe(`${PROMPT}\n${PROMPT}\n`);
  });

  it('asks again on anything else', async () => {
    const { r, output } = review('y\nYES\n yes\nyes\n');
    expect(await r.confirm()).toBe(true);
    const again = `Please enter 'yes' or 'no'\n${PROMPT}\n`;
    expect(output()).toBe(`${PROMPT}\n${again.repeat(3)}`);
  });

  it('fails at end of input', async () => {
    const { r } = review('maybe\n');
    await expect(r.confirm()).rejects.toMatchObject({ code: 'REVIEW_ABORTED' });
  });

  it('needs a terminal', async () => {
    const { r, output } = review('yes\n', false);
    await expect(r.confirm()).rejects.toMatchObject({ code: 'NO_TTY', exitCode: 254 });
    expect(output()).toBe('');
  });
});
