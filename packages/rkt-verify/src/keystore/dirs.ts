import { join } from 'node:path';
import { checkPrefix, pathPrefixes } from '../names.js';

/** The two configuration directories that hold `trustedkeys/` (rkt's --system-config, --local-config). */
export interface KeystoreDirs {
  systemConfig: string;
  localConfig: string;
}

export type KeySource = 'system' | 'local';

/** One directory of key files: root.d (prefix undefined) or prefix.d/<prefix>, of one source. */
export interface ScopeDir {
  dir: string;
  source: KeySource;
  /** undefined = root.d: keys trusted for every image. */
  prefix: string | undefined;
}

export function configDir(dirs: KeystoreDirs, source: KeySource): string {
  return source === 'system' ? dirs.systemConfig : dirs.localConfig;
}

export function prefixRoot(configDir: string): string {
  return join(configDir, 'trustedkeys', 'prefix.d');
}

/** `<config>/trustedkeys/root.d`, or `prefix.d/<p1>/<p2>/...`: one directory per path component. */
export function scopeDir(configDir: string, prefix: string | undefined): string {
  if (prefix === undefined) return join(configDir, 'trustedkeys', 'root.d');
  return join(prefixRoot(configDir), ...checkPrefix(prefix).split('/'));
}

/**
 * The directories whose keys make the keyring of image `name`, in the order they are applied: root.d
 * of system then local, then prefix.d of system for every path prefix of the name (shortest first),
 * then the same of local. A later file overrides an earlier key of the same fingerprint; an empty
 * file removes it (how local config masks a system key).
 */
export function keyringScopes(dirs: KeystoreDirs, name: string): ScopeDir[] {
  const sources: KeySource[] = ['system', 'local'];
  const roots = sources.map((source) => scope(dirs, source, undefined));
  const prefixes = sources.flatMap((source) => pathPrefixes(name).map((p) => scope(dirs, source, p)));
  return [...roots, ...prefixes];
}

export function scope(dirs: KeystoreDirs, source: KeySource, prefix: string | undefined): ScopeDir {
  return { dir: scopeDir(configDir(dirs, source), prefix), source, prefix };
}
