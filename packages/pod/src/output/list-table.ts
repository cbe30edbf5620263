import { formatTable, type TimeZoneChoice } from '@rkt/common';
import type { NetInfo } from '../net-info.js';
import type { PodInfo } from '../pod-info.js';
import { fullTime, relativeTime } from './times.js';

export interface PodListTableOptions {
  /** full UUIDs, an IMAGE ID column, absolute times */
  full?: boolean;
  noLegend?: boolean;
  /** reference for relative times; default now */
  now?: Date;
  /** zone of absolute times; default the local one, as rkt */
  zone?: TimeZoneChoice;
}

const HEADERS = ['UUID', 'APP', 'IMAGE NAME', 'STATE', 'CREATED', 'STARTED', 'NETWORKS'];
const FULL_HEADERS = ['UUID', 'APP', 'IMAGE NAME', 'IMAGE ID', 'STATE', 'CREATED', 'STARTED', 'NETWORKS'];

/** rkt's NETWORKS cell and `networks=` value: `name:ip4=IP`, comma-space separated. */
export function formatNetworks(networks: readonly NetInfo[]): string {
  return networks.map((n) => `${n.netName}:ip4=${n.ip}`).join(', ');
}

/**
 * `rkt list` as a table: one row per app; the pod's UUID, state, times and networks only on its
 * first row; a pod without apps (no manifest yet) is one row of `-`. An app whose image manifest was
 * unreadable shows `--` as image name.
 */
export function podListTable(pods: readonly PodInfo[], options: PodListTableOptions = {}): string {
  const full = options.full ?? false;
  const now = options.now ?? new Date();
  const time = (ns: bigint | undefined) => (full ? fullTime(ns, options.zone) : relativeTime(ns, now));
  const rows: string[][] = [];
  for (const pod of pods) {
    const podCells = {
      uuid: full ? pod.uuid : pod.uuid.slice(0, 8),
      state: pod.state,
      created: time(pod.createdAt),
      started: pod.startedAt === undefined ? '' : time(pod.startedAt),
      nets: formatNetworks(pod.networks),
    };
    const apps = pod.apps.length > 0 ? pod.apps : [undefined];
    apps.forEach((app, i) => {
      const c = i === 0 ? podCells : { uuid: '', state: '', created: '', started: '', nets: '' };
      const name = app === undefined ? '-' : app.name;
      const image = app === undefined ? '-' : (app.imageName ?? '--');
      const imageId = app === undefined ? '-' : app.imageId.slice(0, 19);
      const row = [c.uuid, name, image, ...(full ? [imageId] : []), c.state, c.created, c.started, c.nets];
      rows.push(row);
    });
  }
  return formatTable(full ? FULL_HEADERS : HEADERS, rows, { noLegend: options.noLegend ?? false });
}
