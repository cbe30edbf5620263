import { RktError } from '@rkt/common';
import { CODES } from '../errors.js';
import type { HttpSettings } from '../types.js';

export const DEFAULT_HTTP_SETTINGS: Readonly<HttpSettings> = Object.freeze({
  connectTimeoutMs: 20_000,
  stallTimeoutMs: 60_000,
  maxRedirects: 10,
  retries: 2,
  retryDelayMs: 500,
});

/** Environment overrides, mostly for tests: seconds may be fractional. */
const ENV: readonly [string, keyof HttpSettings, number][] = [
  ['RKT_FETCH_CONNECT_TIMEOUT', 'connectTimeoutMs', 1000],
  ['RKT_FETCH_STALL_TIMEOUT', 'stallTimeoutMs', 1000],
  ['RKT_FETCH_RETRIES', 'retries', 1],
  ['RKT_FETCH_RETRY_DELAY', 'retryDelayMs', 1000],
];

/** Reads RKT_FETCH_CONNECT_TIMEOUT, RKT_FETCH_STALL_TIMEOUT, RKT_FETCH_RETRY_DELAY (seconds) and
 *  RKT_FETCH_RETRIES (a count). */
export function httpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<HttpSettings> {
  const settings: Partial<HttpSettings> = {};
  for (const [name, key, scale] of ENV) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      throw new RktError(CODES.usage, `invalid ${name}=${JSON.stringify(text)}: expected a number >= 0`);
    }
    settings[key] = Math.round(value * scale);
  }
  return settings;
}
