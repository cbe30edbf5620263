import { formatJson, type JsonFormat } from '@rkt/common';
import type { AppInfo } from '../app-info.js';
import type { NetInfo } from '../net-info.js';
import type { PodInfo } from '../pod-info.js';

/** rkt's api/v1 Mount. */
export interface V1Mount {
  name: string;
  container_path: string;
  host_path: string;
  read_only: boolean;
}

/** rkt's api/v1 App: times in nanoseconds (bigint: they exceed 2^53). Absent keys are undefined. */
export interface V1App {
  name: string;
  state: AppInfo['state'];
  created_at?: bigint;
  started_at?: bigint;
  finished_at?: bigint;
  exit_code?: number;
  image_id: string;
  mounts?: V1Mount[];
  user_annotations?: Record<string, string>;
  user_labels?: Record<string, string>;
}

/** rkt's api/v1 Pod: `name` is the UUID; times in seconds. */
export interface V1Pod {
  name: string;
  state: PodInfo['state'];
  networks?: NetInfo[];
  app_names?: string[];
  apps?: V1App[];
  created_at?: number;
  started_at?: number;
  user_annotations?: Record<string, string>;
  user_labels?: Record<string, string>;
}

/** Go marshals maps with sorted keys and drops empty ones (omitempty). */
function sortedMap(m: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const keys = Object.keys(m).sort();
  return keys.length === 0 ? undefined : Object.fromEntries(keys.map((k) => [k, m[k] as string]));
}

const seconds = (ns: bigint | undefined) => (ns === undefined ? undefined : Number(ns / 1_000_000_000n));
const nonEmpty = <T>(a: T[]) => (a.length === 0 ? undefined : a);

export function appToV1Json(app: AppInfo): V1App {
  // Built in Go's struct order: formatJson keeps insertion order and omits undefined.
  return {
    name: app.name,
    state: app.state,
    created_at: app.createdAt,
    started_at: app.startedAt,
    finished_at: app.finishedAt,
    exit_code: app.exitCode,
    image_id: app.imageId,
    mounts: nonEmpty(
      app.mounts.map((m) => ({
        name: m.name,
        container_path: m.containerPath,
        host_path: m.hostPath,
        read_only: m.readOnly,
      })),
    ),
    user_annotations: sortedMap(app.userAnnotations),
    user_labels: sortedMap(app.userLabels),
  };
}

/** One element of `rkt list --format=json`, and all of `rkt status --format=json`. */
export function podToV1Json(pod: PodInfo): V1Pod {
  return {
    name: pod.uuid,
    state: pod.state,
    networks: nonEmpty(pod.networks.map((n) => ({ ...n }))),
    app_names: nonEmpty(pod.apps.map((a) => a.name)),
    apps: nonEmpty(pod.apps.map(appToV1Json)),
    created_at: seconds(pod.createdAt),
    started_at: seconds(pod.startedAt),
    user_annotations: sortedMap(pod.manifest?.userAnnotations ?? {}),
    user_labels: sortedMap(pod.manifest?.userLabels ?? {}),
  };
}

/** `rkt list --format=json|json-pretty`; no pods prints `null`, as Go marshals a nil slice. */
export function podListJson(pods: readonly PodInfo[], format: JsonFormat): string {
  return formatJson(pods.length === 0 ? null : pods.map(podToV1Json), format);
}
