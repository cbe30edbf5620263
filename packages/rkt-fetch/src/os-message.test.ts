import { describe, expect, it } from 'vitest';
import { osMessage } from './os-message.js';

describe('osMessage', () => {
  it("words a Node fs error like Go's", async () => {
    const { access } = await import('node:fs/promises');
    const err = await access('/nonexistent/x.aci.asc').catch((e: unknown) => e);
    expect(osMessage('open', '/nonexistent/x.aci.asc', err)).toBe(
      'open /nonexistent/x.aci.asc: no such file or directory',
    );
  });
});
