import type { AuthConfig } from '@rkt/common';
import { RktError } from '@rkt/common';
import { CODES } from '../errors.js';

/** auth.d headers for a URL's host[:port] (rkt.md §5.5); never sent to other hosts. */
export function authHeaders(auth: ReadonlyMap<string, AuthConfig>, url: URL): Record<string, string> {
  const entry = auth.get(url.host);
  if (entry === undefined) return {};
  switch (entry.type) {
    case 'basic': {
      const token = Buffer.from(`${entry.credentials.user}:${entry.credentials.password}`).toString('base64');
      return { authorization: `Basic ${token}` };
    }
    case 'oauth':
      return { authorization: `Bearer ${entry.credentials.token}` };
    case 'aws':
      throw new RktError(
        CODES.authUnsupported,
        `auth.d: AWS signatures for ${url.host} are not supported yet`,
      );
  }
}
