import { isTransient } from '../errors.js';
import type { HttpSettings } from '../types.js';

/** Runs `attempt` again after transient failures (network errors, 5xx), with doubling delays. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  settings: Pick<HttpSettings, 'retries' | 'retryDelayMs'>,
  debug?: (message: string) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isTransient(err) || n >= settings.retries) throw err;
      const delay = settings.retryDelayMs * 2 ** n;
      debug?.(`${(err as Error).message}; retrying in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
