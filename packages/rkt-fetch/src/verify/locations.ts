import { DEFAULT_LOCAL_CONFIG_DIR, DEFAULT_SYSTEM_CONFIG_DIR } from '@rkt/common';
import type { KeystoreDirs } from '@rkt/rkt-verify';
import type { FetchOptions } from '../types.js';

/**
 * rkt's signature URL: the image URL with `.aci` replaced by `.aci.asc`. Only the path changes, so
 * a query string (which rkt's plain string edit would have broken) is kept.
 */
export function signatureUrlFor(url: URL): URL {
  const sig = new URL(url.href);
  sig.pathname = url.pathname.endsWith('.aci') ? `${url.pathname}.asc` : `${url.pathname}.aci.asc`;
  return sig;
}

export function keystoreOf(opts: FetchOptions): KeystoreDirs {
  return opts.keystore ?? { systemConfig: DEFAULT_SYSTEM_CONFIG_DIR, localConfig: DEFAULT_LOCAL_CONFIG_DIR };
}
