import { join } from 'node:path';
import { POD_NETINFO_INVALID, podError, quote } from './errors.js';
import { POD_FILES } from './layout.js';
import type { PodOs } from './os.js';

/** One entry of a pod's `net-info.json` (rkt's netinfo.NetInfo), keys in rkt's JSON order. */
export interface NetInfo {
  netName: string;
  netConf: string;
  pluginPath: string;
  ifName: string;
  ip: string;
  args: string;
  mask: string;
}

const KEYS = ['netName', 'netConf', 'pluginPath', 'ifName', 'ip', 'args', 'mask'] as const;

/** Parse `net-info.json`; absent fields read as "" (as Go's zero values marshal). */
export function parseNetInfo(text: string): NetInfo[] {
  const value: unknown = JSON.parse(text);
  if (value === null) return [];
  if (!Array.isArray(value)) throw new Error('not a JSON array');
  return value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw new Error('an entry is not an object');
    const rec = entry as Record<string, unknown>;
    const out = {} as NetInfo;
    for (const k of KEYS) {
      const v = rec[k];
      out[k] = typeof v === 'string' ? v : '';
    }
    return out;
  });
}

/** The pod's networks; [] without `net-info.json` (host networking). */
export function readNetInfo(os: PodOs, podDir: string, uuid: string): NetInfo[] {
  const data = os.readFile(join(podDir, POD_FILES.netInfo));
  if (data === undefined) return [];
  try {
    return parseNetInfo(data.toString('utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw podError(
      POD_NETINFO_INVALID,
      `error opening pod ${uuid} netinfo: ${quote(POD_FILES.netInfo)}: ${why}`,
      e,
    );
  }
}
