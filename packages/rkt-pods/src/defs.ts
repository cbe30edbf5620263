import type { CommandDef } from './command.js';

const UUID_FILE = {
  kind: 'string',
  default: '',
  describe: 'read pod UUID from file instead of argument',
} as const;
const FORMAT = {
  kind: 'string',
  default: '',
  describe: "choose the output format: '' (table or key=value), json or json-pretty",
} as const;

export const LIST: CommandDef = {
  name: 'list',
  synopsis: 'rkt list',
  description: 'Displays a table of information about the pods.',
  flags: {
    'no-legend': { kind: 'bool', default: 'false', describe: 'suppress a legend with the list' },
    full: { kind: 'bool', default: 'false', describe: 'use long output format' },
    format: FORMAT,
  },
};

export const STATUS: CommandDef = {
  name: 'status',
  synopsis: 'rkt status [--wait=bool|timeout] [--wait-ready=bool|timeout] --uuid-file=FILE | UUID',
  description:
    'Prints assorted information about the pod such as its state, pid and exit status.\n\n' +
    '--wait and --wait-ready take a boolean or a timeout: true (or a negative duration) waits\n' +
    'indefinitely, false (or zero) does not wait.',
  flags: {
    wait: { kind: 'string', default: 'false', bare: 'true', describe: 'wait for the pod to finish' },
    'wait-ready': { kind: 'string', default: 'false', bare: 'true', describe: 'wait until the pod is ready' },
    format: FORMAT,
    'uuid-file': UUID_FILE,
  },
};

export const CAT_MANIFEST: CommandDef = {
  name: 'cat-manifest',
  synopsis: 'rkt cat-manifest --uuid-file=FILE | UUID',
  description: 'Inspect and print the pod manifest. UUID should be the UUID of a pod.',
  flags: {
    'pretty-print': { kind: 'bool', default: 'true', describe: 'apply indent to format the output' },
    'uuid-file': UUID_FILE,
  },
};

export const STOP: CommandDef = {
  name: 'stop',
  synopsis: 'rkt stop [--force] --uuid-file=FILE | UUID ...',
  description: 'Stop a pod.',
  flags: { force: { kind: 'bool', default: 'false', describe: 'forced stopping' }, 'uuid-file': UUID_FILE },
};

export const RM: CommandDef = {
  name: 'rm',
  synopsis: 'rkt rm --uuid-file=FILE | UUID ...',
  description:
    'Remove all files and resources associated with an exited pod. Unlike gc, rm removes\nspecific pods, at once.',
  flags: { 'uuid-file': UUID_FILE },
  root: true,
};

export const GC: CommandDef = {
  name: 'gc',
  synopsis: 'rkt gc [--grace-period=duration] [--expire-prepared=duration] [--mark-only]',
  description:
    'Garbage collect rkt pods no longer in use. Stopped pods are first moved to the garbage; a later\n' +
    'gc removes them once they stayed there longer than the grace period. --grace-period=0s disables it.',
  flags: {
    'grace-period': {
      kind: 'string',
      default: '30m0s',
      describe: 'duration to wait before discarding inactive pods from garbage',
    },
    'expire-prepared': {
      kind: 'string',
      default: '24h0m0s',
      describe: 'duration to wait before expiring prepared pods',
    },
    'mark-only': {
      kind: 'bool',
      default: 'false',
      describe: 'only move exited and aborted pods to the garbage directories, marking their exit time',
    },
  },
  root: true,
};

export const ENTER: CommandDef = {
  name: 'enter',
  synopsis: 'rkt enter [--app=APPNAME] UUID [CMD [ARGS ...]]',
  description:
    'Enter the namespaces of an app within a running pod and run CMD there (default: a shell).\n' +
    'Everything after UUID is the command.',
  flags: {
    app: { kind: 'string', default: '', describe: 'name of the app to enter within the specified pod' },
  },
  interspersed: false,
  root: true,
};
