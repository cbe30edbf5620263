/** The directories under `<dataDir>/pods/`; where a pod's directory sits is its phase. */
export type PodDir = 'embryo' | 'prepare' | 'prepared' | 'run' | 'exited-garbage' | 'garbage';

/** rkt's state strings, as `rkt list` and `rkt status` print them (note the spaces). */
export type PodState =
  | 'embryo'
  | 'preparing'
  | 'aborted prepare'
  | 'prepared'
  | 'running'
  | 'exited'
  | 'exited deleting'
  | 'exited garbage'
  | 'deleting'
  | 'garbage';

/** Lookup order: the order in which a pod moves, so a pod renamed while we look is still found. */
export const POD_DIRS: readonly PodDir[] = [
  'embryo',
  'prepare',
  'prepared',
  'run',
  'exited-garbage',
  'garbage',
];

/** Directories `rkt list` shows and UUID prefixes are resolved against. */
export const LISTED_DIRS: readonly PodDir[] = ['prepare', 'prepared', 'run', 'exited-garbage'];

/** Directories whose state depends on whether someone holds the pod's exclusive lock. */
export function isProbedDir(dir: PodDir): boolean {
  return dir !== 'embryo' && dir !== 'prepared';
}

/** State of a pod found in `dir`, given whether its directory lock is held (rkt.md §3.3). */
export function stateOf(dir: PodDir, lockHeld: boolean): PodState {
  switch (dir) {
    case 'embryo':
      return 'embryo';
    case 'prepare':
      return lockHeld ? 'preparing' : 'aborted prepare';
    case 'prepared':
      return 'prepared';
    case 'run':
      return lockHeld ? 'running' : 'exited';
    case 'exited-garbage':
      return lockHeld ? 'exited deleting' : 'exited garbage';
    case 'garbage':
      return lockHeld ? 'deleting' : 'garbage';
  }
}

/** rkt's IsAfterRun: the pod ran and stopped, or was discarded (garbage counts too). */
export function isAfterRun(state: PodState): boolean {
  return ['exited', 'exited garbage', 'exited deleting', 'deleting', 'garbage'].includes(state);
}

/** States that carry a creation time (rkt's CreationTime is zero for the others). */
export function hasCreationTime(state: PodState): boolean {
  return state === 'prepared' || state === 'running' || isAfterRun(state);
}

/** States that carry a start time and a pid (pid/ppid files). */
export function hasStarted(state: PodState): boolean {
  return state === 'running' || isAfterRun(state);
}

/** States in which a pod manifest must be readable (it may be absent while preparing or deleting). */
export function expectsManifest(state: PodState): boolean {
  return !['embryo', 'preparing', 'aborted prepare', 'deleting'].includes(state);
}

/** States marked by gc: the directory's ctime is the mark time. */
export function isGcMarked(state: PodState): boolean {
  return ['exited garbage', 'exited deleting', 'garbage', 'deleting'].includes(state);
}
