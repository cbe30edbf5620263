import { formatJson, isJsonFormat, RktError, type OutputFormat, type TimeZoneChoice } from '@rkt/common';
import { podStatusLines, podToV1Json, readPodInfo, type PodInfo } from '@rkt/pod';
import type { PodsIo } from './command.js';
import { podFinished, podReady, pollUntil, POLL_MS, realSleep, type Sleep } from './wait.js';

export interface StatusOptions {
  dataDir: string;
  /** full UUID */
  uuid: string;
  format: OutputFormat;
  /** ms; 0 = do not wait, < 0 = forever */
  waitMs: number;
  waitReadyMs: number;
  zone?: TimeZoneChoice;
  sleep?: Sleep;
}

/** A running pod's pid file may lag its state by a moment: rkt gives it a second. */
const PID_GRACE_MS = 1000;

function wrap(context: string, e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  throw new RktError(e instanceof RktError ? e.code : 'POD_STATUS', `${context}: ${message}`, { cause: e });
}

/** `rkt status`: optionally wait for readiness and then for the end, then print the pod. */
export async function statusCommand(o: StatusOptions, io: PodsIo): Promise<number> {
  const sleep = o.sleep ?? realSleep;
  if (o.waitReadyMs !== 0)
    await pollUntil(() => podReady(o.dataDir, o.uuid), o.waitReadyMs, sleep).catch((e: unknown) =>
      wrap('error waiting for pod readiness', e),
    );
  if (o.waitMs !== 0)
    await pollUntil(() => podFinished(o.dataDir, o.uuid), o.waitMs, sleep).catch((e: unknown) =>
      wrap('error waiting for pod to finish', e),
    );
  let pod: PodInfo;
  try {
    pod = readPodInfo(o.dataDir, o.uuid);
    for (let waited = 0; pod.state === 'running' && pod.pid === undefined; waited += POLL_MS) {
      if (waited >= PID_GRACE_MS) throw new Error(`unable to get PID for pod "${o.uuid}"`);
      await sleep(POLL_MS);
      pod = readPodInfo(o.dataDir, o.uuid);
    }
  } catch (e) {
    wrap('unable to print status', e);
  }
  if (isJsonFormat(o.format)) io.stdout.write(formatJson(podToV1Json(pod), o.format) + '\n');
  else
    io.stdout.write(
      podStatusLines(pod, o.zone ?? 'local')
        .map((l) => l + '\n')
        .join(''),
    );
  return 0;
}
