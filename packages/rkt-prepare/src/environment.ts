import { RktError } from '@rkt/common';
import { keyValue } from './flag-values.js';

type NameValue = { name: string; value: string };

/** `--set-env-file` contents: `K=V` lines; blank lines and `#`/`;` comments skipped (rkt.md §6.1). */
export function parseEnvFile(path: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new RktError('BAD_ENV_FILE', `${path}:${i + 1}: expected KEY=VALUE, got "${line}"`);
    const key = line.slice(0, eq);
    if (out.has(key)) throw new RktError('BAD_ENV_FILE', `${path}:${i + 1}: "${key}" is set twice`);
    out.set(key, line.slice(eq + 1));
  });
  return out;
}

/** `--set-env` values; a key given twice is an error, as in rkt. */
export function parseSetEnv(values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of values) {
    const [k, v] = keyValue('set-env', text);
    if (out.has(k)) throw new RktError('BAD_FLAG', `--set-env: "${k}" is set twice`);
    out.set(k, v);
  }
  return out;
}

export interface EnvLayers {
  /** the host environment, when --inherit-env */
  host?: Map<string, string>;
  image: readonly NameValue[];
  file: Map<string, string>;
  setEnv: Map<string, string>;
  /** per-app --environment */
  app: Map<string, string>;
}

/**
 * rkt's precedence: host < image < --set-env-file < --set-env < --environment. The image's order is
 * kept; keys new to it follow in the order the layers give them.
 */
export function mergeEnvironment(layers: EnvLayers): NameValue[] {
  const out = new Map<string, string>();
  for (const [k, v] of layers.host ?? []) out.set(k, v);
  for (const { name, value } of layers.image) {
    out.delete(name);
    out.set(name, value);
  }
  for (const layer of [layers.file, layers.setEnv, layers.app]) for (const [k, v] of layer) out.set(k, v);
  const imageNames = layers.image.map((e) => e.name);
  const order = [...imageNames, ...[...out.keys()].filter((k) => !imageNames.includes(k))];
  return order.map((name) => ({ name, value: out.get(name)! }));
}
