import { spawn, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageManifest } from '@rkt/appc';
import { readStage1Info, type Stage1Info } from '@rkt/stage1';

/** The ABI of the stage1 a pod was prepared with, from its copy of the stage1 manifest. */
export function podStage1(podDir: string): Stage1Info {
  return readStage1Info(decodeImageManifest(readFileSync(join(podDir, 'stage1', 'manifest'))));
}

/**
 * Run a stage1 entrypoint as a child with the pod directory as cwd (stop, gc: rkt.md §2.2) and
 * wait for it. Resolves to undefined on exit status 0, else to Go's exec error text
 * (`exit status 3`, `signal: killed`); rejects only when it cannot be started.
 */
export function runEntrypoint(
  path: string,
  args: readonly string[],
  podDir: string,
  stdio: StdioOptions = 'inherit',
): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { cwd: podDir, stdio });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(undefined);
      else resolve(signal === null ? `exit status ${code}` : `signal: ${signalName(signal)}`);
    });
  });
}

const GO_SIGNAL_NAMES: Readonly<Record<string, string>> = {
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'aborted',
  SIGHUP: 'hangup',
};

function signalName(signal: NodeJS.Signals): string {
  return GO_SIGNAL_NAMES[signal] ?? signal;
}
