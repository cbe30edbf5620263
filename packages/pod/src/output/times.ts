import { formatFullTime, humanizeTime, type TimeZoneChoice } from '@rkt/common';

/** Go's zero time.Time, which rkt formats where a pod has no creation time (while preparing). */
const GO_ZERO_TIME_MS = -62135596800000;

export function nsToDate(ns: bigint): Date {
  return new Date(Number(ns / 1_000_000n));
}

/** `--full` / status layout; Go's zero time is in UTC, so it always prints +0000 UTC. */
export function fullTime(ns: bigint | undefined, zone: TimeZoneChoice = 'local'): string {
  return ns === undefined
    ? formatFullTime(new Date(GO_ZERO_TIME_MS), 'UTC')
    : formatFullTime(nsToDate(ns), zone);
}

export function relativeTime(ns: bigint | undefined, now: Date): string {
  return humanizeTime(ns === undefined ? new Date(GO_ZERO_TIME_MS) : nsToDate(ns), now);
}
