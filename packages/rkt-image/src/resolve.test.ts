import { RktError } from '@rkt/common';
import { describe, expect, it } from 'vitest';
import { resolveImage } from './resolve.js';

const failing = (err: Error) => ({ resolveImageArg: () => Promise.reject(err) });

describe('resolveImage', () => {
  it('reports an unknown ID prefix in rkt words, keeping the store error as the cause', async () => {
    const cause = new RktError('IMAGE_NOT_FOUND', 'no image found matching ID prefix "sha512-00"');
    await expect(resolveImage(failing(cause), 'sha512-00')).rejects.toMatchObject({
      code: 'IMAGE_NOT_FOUND',
      message: 'no image IDs found',
      cause,
    });
  });

  it('passes other errors through', async () => {
    const byName = new RktError(
      'IMAGE_NOT_FOUND',
      'cannot find aci satisfying name: "x" and labels: [] in the local store',
    );
    await expect(resolveImage(failing(byName), 'x')).rejects.toBe(byName);
    const ambiguous = new RktError('IMAGE_AMBIGUOUS', 'ambiguous');
    await expect(resolveImage(failing(ambiguous), 'sha512-00')).rejects.toBe(ambiguous);
  });
});
