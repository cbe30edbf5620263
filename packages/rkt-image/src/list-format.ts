import { formatFullTime, formatIECSize, formatJson, formatTable, humanizeTime } from '@rkt/common';
import type { JsonFormat } from '@rkt/common';
import type { ImageRecord } from '@rkt/store';
import { totalSize, type ImageField } from './list.js';

export interface TableOptions {
  fields: readonly ImageField[];
  noLegend: boolean;
  /** full store keys, sizes in bytes, absolute times */
  full: boolean;
  /** the instant times are relative to; default: now */
  now?: Date;
}

const HEADERS: Readonly<Record<ImageField, string>> = {
  id: 'ID',
  name: 'NAME',
  size: 'SIZE',
  importtime: 'IMPORT TIME',
  lastused: 'LAST USED',
};

/** `name:version` when the image has a version label, else the bare name. */
export function displayName(r: ImageRecord): string {
  const version = r.labels.find((l) => l.name === 'version');
  return version === undefined ? r.name : `${r.name}:${version.value}`;
}

/** rkt's display ID: the algorithm, a dash and 12 hex digits. */
export function shortId(key: string): string {
  const dash = key.indexOf('-');
  return dash > 0 && dash + 13 < key.length ? key.slice(0, dash + 13) : key;
}

export function formatImageTable(records: readonly ImageRecord[], opts: TableOptions): string {
  const now = opts.now ?? new Date();
  const time = (ms: number) => (opts.full ? formatFullTime(new Date(ms)) : humanizeTime(new Date(ms), now));
  const cell = (r: ImageRecord, field: ImageField): string => {
    switch (field) {
      case 'id':
        return opts.full ? r.key : shortId(r.key);
      case 'name':
        return displayName(r);
      case 'size':
        return opts.full ? String(totalSize(r)) : formatIECSize(totalSize(r));
      case 'importtime':
        return time(r.importTime);
      case 'lastused':
        return time(r.lastUsed);
    }
  };
  const rows = records.map((r) => opts.fields.map((f) => cell(r, f)));
  return formatTable(
    opts.fields.map((f) => HEADERS[f]),
    rows,
    { noLegend: opts.noLegend },
  );
}

const nanoseconds = (ms: number): bigint => BigInt(Math.trunc(ms)) * 1_000_000n;

/**
 * rkt's `image list --format=json`: every image with its full key, times in nanoseconds since the
 * epoch and the size in bytes, whatever --fields and --full say. No image prints `null`, as rkt
 * marshals its nil slice.
 */
export function formatImageJson(records: readonly ImageRecord[], format: JsonFormat): string {
  if (records.length === 0) return 'null';
  return formatJson(
    records.map((r) => ({
      id: r.key,
      name: displayName(r),
      import_time: nanoseconds(r.importTime),
      last_used_time: nanoseconds(r.lastUsed),
      size: totalSize(r),
    })),
    format,
  );
}
