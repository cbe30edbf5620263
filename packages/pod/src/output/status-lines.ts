import type { TimeZoneChoice } from '@rkt/common';
import type { PodInfo } from '../pod-info.js';
import type { PodState } from '../states.js';
import { formatNetworks } from './list-table.js';
import { fullTime } from './times.js';

const HAS_PID: readonly PodState[] = ['running', 'deleting', 'exited deleting', 'exited', 'exited garbage'];

/**
 * `rkt status UUID` as key=value lines (rkt-observed §8): state, created, started (once started),
 * networks (running or exited), then for running and later states pid (when known) and exited, and
 * after the pod stopped one `app-<name>=<code>` per app that recorded an exit code.
 */
export function podStatusLines(pod: PodInfo, zone: TimeZoneChoice = 'local'): string[] {
  const lines = [`state=${pod.state}`, `created=${fullTime(pod.createdAt, zone)}`];
  if (pod.startedAt !== undefined) lines.push(`started=${fullTime(pod.startedAt, zone)}`);
  if (pod.state === 'running' || pod.state === 'exited')
    lines.push(`networks=${formatNetworks(pod.networks)}`);
  if (!HAS_PID.includes(pod.state)) return lines;
  if (pod.pid !== undefined) lines.push(`pid=${pod.pid}`);
  lines.push(`exited=${pod.state === 'exited' || pod.state === 'exited garbage'}`);
  if (pod.state === 'running') return lines;
  for (const app of pod.apps) if (app.exitCode !== undefined) lines.push(`app-${app.name}=${app.exitCode}`);
  return lines;
}
