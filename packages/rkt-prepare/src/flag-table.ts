/**
 * Every flag `rkt run` and `rkt prepare` accept, with where it may appear. rkt's grammar is
 * `[pod flags] IMAGE [app flags] [-- ARGS [---]] IMAGE ...`: pod flags come before the first image,
 * app flags after the image they apply to; global flags may appear anywhere.
 */
export type FlagScope = 'global' | 'pod' | 'app' | 'both';
/** `bool`: --f or --f=true|false; `value`: --f=V or --f V; `optional`: bare --f means `default` */
export type FlagKind = 'bool' | 'value' | 'optional';
export type Command = 'run' | 'prepare';

export interface FlagSpec {
  scope: FlagScope;
  kind: FlagKind;
  /** when absent, both commands accept the flag */
  only?: Command;
  /** the value a bare `optional` flag takes */
  bare?: string;
}

const g = (kind: FlagKind): FlagSpec => ({ scope: 'global', kind });
const pod = (kind: FlagKind, only?: Command): FlagSpec =>
  only ? { scope: 'pod', kind, only } : { scope: 'pod', kind };
const app = (kind: FlagKind): FlagSpec => ({ scope: 'app', kind });

export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  dir: g('value'),
  'system-config': g('value'),
  'local-config': g('value'),
  'user-config': g('value'),
  'insecure-options': g('value'),
  debug: g('bool'),
  'trust-keys-from-https': g('bool'),

  'set-env': pod('value'),
  'set-env-file': pod('value'),
  'inherit-env': pod('bool'),
  volume: pod('value'),
  port: pod('value'),
  'pod-manifest': pod('value'),
  'stage1-url': pod('value'),
  'stage1-path': pod('value'),
  'stage1-name': pod('value'),
  'stage1-hash': pod('value'),
  'stage1-from-dir': pod('value'),
  'pull-policy': pod('value'),
  'store-only': pod('bool'),
  'no-store': pod('bool'),
  'no-overlay': pod('bool'),
  'private-users': pod('bool'),
  quiet: pod('bool', 'prepare'),
  'uuid-file-save': pod('value', 'run'),
  net: { scope: 'pod', kind: 'optional', only: 'run', bare: 'default' },
  dns: pod('value', 'run'),
  'dns-search': pod('value', 'run'),
  'dns-opt': pod('value', 'run'),
  'dns-domain': pod('value', 'run'),
  'hosts-entry': pod('value', 'run'),
  hostname: pod('value', 'run'),
  ipc: pod('value', 'run'),
  interactive: pod('bool', 'run'),
  'mds-register': pod('bool', 'run'),

  mount: { scope: 'both', kind: 'value' },

  name: app('value'),
  exec: app('value'),
  'working-dir': app('value'),
  user: app('value'),
  group: app('value'),
  'supplementary-gids': app('value'),
  environment: app('value'),
  'readonly-rootfs': app('bool'),
  annotation: app('value'),
  'user-annotation': app('value'),
  'user-label': app('value'),
  signature: app('value'),
  memory: app('value'),
  cpu: app('value'),
  'cpu-shares': app('value'),
  'oom-score-adj': app('value'),
  'caps-retain': app('value'),
  'caps-remove': app('value'),
  'cap-retain': app('value'),
  'cap-remove': app('value'),
  seccomp: app('value'),
};
