import { bad, boolValue, intValue, keyValueList } from './flag-values.js';

/** `--volume=NAME,kind=host,source=/p[,readOnly=B][,recursive=B]` or `NAME,kind=empty[,mode=0755][,uid=N][,gid=N]` */
export function volumeFromFlag(text: string): Record<string, unknown> {
  const kv = keyValueList('volume', text, true);
  const name = kv.get('');
  if (!name) throw bad('volume', text, 'expected NAME,kind=host|empty,...');
  const kind = kv.get('kind');
  const out: Record<string, unknown> = { name, kind };
  for (const [k, v] of kv) {
    if (k === '' || k === 'kind') continue;
    if (k === 'source' || k === 'mode') out[k] = v;
    else if (k === 'readOnly' || k === 'recursive') out[k] = boolValue('volume', v);
    else if (k === 'uid' || k === 'gid') out[k] = intValue('volume', v);
    else throw bad('volume', text, `unknown key "${k}"`);
  }
  return out;
}

/** `--mount=volume=NAME,target=/path` */
export function mountFromFlag(text: string): { volume: string; path: string } {
  const kv = keyValueList('mount', text);
  const volume = kv.get('volume');
  const path = kv.get('target');
  if (!volume || !path || kv.size !== 2) throw bad('mount', text, 'expected volume=NAME,target=PATH');
  return { volume, path };
}

/** `--port=NAME:[HOSTIP:]HOSTPORT` */
export function portFromFlag(text: string): Record<string, unknown> {
  const parts = text.split(':');
  const [name, a, b] = parts;
  if (!name || parts.length < 2 || parts.length > 3)
    throw bad('port', text, 'expected NAME:[HOSTIP:]HOSTPORT');
  const hostPort = intValue('port', (parts.length === 3 ? b : a) ?? '');
  if (hostPort < 1 || hostPort > 65535) throw bad('port', text, 'host port must be 1..65535');
  return parts.length === 3 ? { name, hostIP: a, hostPort } : { name, hostPort };
}
