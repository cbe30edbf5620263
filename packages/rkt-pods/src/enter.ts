import { RktError, warn, type TextSink } from '@rkt/common';
import { locatePod, readPodInfo, readPodPid1 } from '@rkt/pod';
import { enterArgs, entrypointPath } from '@rkt/stage1';
import { POLL_MS, realSleep, type Sleep } from './wait.js';
import { podStage1 } from './stage1-entry.js';

export interface EnterOptions {
  dataDir: string;
  /** full UUID */
  uuid: string;
  /** --app; '' = the pod's only app */
  app: string;
  /** the command and its arguments; [] lets the stage1 pick a shell */
  command: readonly string[];
  /** how long to wait for the stage1 to record the pod's pid */
  pidTimeoutMs?: number;
  sleep?: Sleep;
}

/** What `rkt enter` becomes: exec `path` with `argv` (argv[0] included) in `cwd`. */
export interface EnterExec {
  path: string;
  argv: string[];
  cwd: string;
}

function fail(code: string, message: string): RktError {
  return new RktError(code, message);
}

/** The app to enter: --app, else the only one; several apps are listed on stderr (rkt's getAppName). */
function appName(dataDir: string, uuid: string, wanted: string, stderr: TextSink): string {
  const names = readPodInfo(dataDir, uuid).manifest?.apps.map((a) => a.name);
  if (names === undefined)
    throw fail('POD_MANIFEST_INVALID', 'unable to determine app name: error reading pod manifest');
  if (wanted !== '') {
    if (names.includes(wanted)) return wanted;
    throw fail(
      'POD_APP_NOT_FOUND',
      `unable to determine app name: pod "${uuid}" has no app named "${wanted}"`,
    );
  }
  if (names.length === 1) return names[0] as string;
  if (names.length === 0)
    throw fail('POD_APP_NOT_FOUND', 'unable to determine app name: pod contains zero apps');
  warn('enter', 'pod contains multiple apps:', stderr);
  names.forEach((n) => warn('enter', `\t${n}`, stderr));
  throw fail('POD_APP_AMBIGUOUS', 'unable to determine app name: specify app using "rkt enter --app= ..."');
}

/** The pod's pid 1, polled every 100 ms while the pod runs and the stage1 has not recorded it yet. */
async function podPid(o: EnterOptions): Promise<number> {
  const sleep = o.sleep ?? realSleep;
  const context = `unable to determine the pid for pod "${o.uuid}"`;
  for (let waited = 0; ; waited += POLL_MS) {
    const ref = locatePod(o.dataDir, o.uuid);
    if (ref?.state !== 'running') throw fail('POD_NOT_RUNNING', `${context}: the pod is not running anymore`);
    const pid = readPodPid1(ref.path);
    if (pid !== undefined) return pid;
    if (waited >= (o.pidTimeoutMs ?? 10_000))
      throw fail('POD_PID_MISSING', `${context}: no pid recorded by stage1`);
    await sleep(POLL_MS);
  }
}

/**
 * `rkt enter`: check that the pod runs, find its pid 1 and the app, and return the stage1 enter
 * entrypoint's invocation (rkt.md §2.2). The caller execs it, so the command's exit status is rkt's.
 */
export async function planEnter(o: EnterOptions, stderr: TextSink): Promise<EnterExec> {
  const ref = locatePod(o.dataDir, o.uuid);
  if (ref?.state !== 'running') throw fail('POD_NOT_RUNNING', `pod "${o.uuid}" isn't currently running`);
  const pid = await podPid(o);
  const app = appName(o.dataDir, o.uuid, o.app, stderr);
  const stage1 = podStage1(ref.path);
  const path = entrypointPath(ref.path, stage1, 'enter');
  return {
    path,
    argv: [path, ...enterArgs(stage1, { pid, appName: app, command: o.command })],
    cwd: ref.path,
  };
}
