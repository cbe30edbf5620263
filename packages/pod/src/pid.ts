import { join } from 'node:path';
import { POD_PID_INVALID, podError } from './errors.js';
import { POD_FILES } from './layout.js';
import { nodeOs, type PodOs } from './os.js';

/** A decimal integer at the start of a file, after optional blanks (Go's Sscanf "%d"). */
export function parseLeadingInt(text: string): number | undefined {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1] as string, 10) : undefined;
}

export function readIntFile(os: PodOs, path: string): number | undefined {
  const data = os.readFile(path);
  return data === undefined ? undefined : parseLeadingInt(data.toString('latin1'));
}

/** What `rkt status` prints as pid=: the `pid` file, else the `ppid` file (the stage1 process). */
export function readPodPid(podDir: string, os: PodOs = nodeOs): number | undefined {
  return readIntFile(os, join(podDir, POD_FILES.pid)) ?? readIntFile(os, join(podDir, POD_FILES.ppid));
}

/**
 * The pod's pid 1, for `enter`: the `pid` file, else the single child of the process in `ppid`
 * (read from /proc/<ppid>/task/<ppid>/children; needs CONFIG_PROC_CHILDREN, which every distribution
 * kernel has). Undefined while stage1 has not written either file or the child is not there yet;
 * POD_PID_INVALID when the parent has several children.
 */
export function readPodPid1(podDir: string, os: PodOs = nodeOs): number | undefined {
  const pid = readIntFile(os, join(podDir, POD_FILES.pid));
  if (pid !== undefined) return pid;
  const ppid = readIntFile(os, join(podDir, POD_FILES.ppid));
  if (ppid === undefined) return undefined;
  const children = os.readFile(`/proc/${ppid}/task/${ppid}/children`)?.toString('latin1').trim().split(/\s+/);
  if (children === undefined || children[0] === '') return undefined;
  if (children.length > 1) throw podError(POD_PID_INVALID, `too many children of pid ${ppid}`);
  return parseLeadingInt(children[0] as string);
}
