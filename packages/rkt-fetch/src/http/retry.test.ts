import { describe, expect, it } from 'vitest';
import { FetchError } from '../errors.js';
import { httpSettingsFromEnv } from './settings.js';
import { withRetries } from './retry.js';

const transient = () => new FetchError('HTTP_NETWORK', 'reset', { transient: true });

describe('withRetries', () => {
  it('retries transient failures up to the limit', async () => {
    let calls = 0;
    const seen: string[] = [];
    const run = withRetries(
      async () => {
        calls++;
        throw transient();
      },
      { retries: 2, retryDelayMs: 1 },
      (m) => seen.push(m),
    );
    await expect(run).rejects.toThrow('reset');
    expect(calls).toBe(3);
    expect(seen).toEqual(['reset; retrying in 1 ms', 'reset; retrying in 2 ms']);
  });

  it('gives up at once on anything else, and returns a later success', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new FetchError('HTTP_STATUS', 'GET x: 404 Not Found');
        },
        { retries: 5, retryDelayMs: 1 },
      ),
    ).rejects.toThrow('404');
    expect(calls).toBe(1);
    let n = 0;
    expect(
      await withRetries(async () => (++n < 2 ? Promise.reject(transient()) : n), {
        retries: 3,
        retryDelayMs: 1,
      }),
    ).toBe(2);
  });
});

describe('httpSettingsFromEnv', () => {
  it('reads seconds and counts', () => {
    expect(
      httpSettingsFromEnv({
        RKT_FETCH_STALL_TIMEOUT: '0.5',
        RKT_FETCH_RETRIES: '0',
        RKT_FETCH_CONNECT_TIMEOUT: '',
      }),
    ).toEqual({
      stallTimeoutMs: 500,
      retries: 0,
    });
    expect(() => httpSettingsFromEnv({ RKT_FETCH_RETRY_DELAY: 'soon' })).toThrow('RKT_FETCH_RETRY_DELAY');
  });
});
