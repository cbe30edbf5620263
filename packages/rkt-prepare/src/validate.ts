import { RktError } from '@rkt/common';
import { all, bool, last, type RunArgs } from './argv.js';
import type { Command } from './flag-table.js';
import { checkRunTimeFlags } from './run.js';

/** The flag combinations rkt refuses before doing anything (rkt.md §1.1 run row). */
export function validateRunArgs(args: RunArgs, command: Command): void {
  const podManifest = last(args.pod, 'pod-manifest');
  if (podManifest === undefined && args.apps.length === 0) {
    throw new RktError('USAGE', 'no image given (give at least one image, or --pod-manifest)');
  }
  if (podManifest !== undefined) {
    const conflicting = ['volume', 'mount', 'port', 'set-env', 'set-env-file', 'inherit-env'].filter((f) =>
      args.pod.has(f),
    );
    if (args.apps.length > 0) conflicting.unshift('images');
    if (last(args.pod, 'pull-policy') !== undefined && last(args.pod, 'pull-policy') !== 'new')
      conflicting.push('pull-policy');
    if (conflicting.length > 0) {
      throw new RktError(
        'USAGE',
        `--pod-manifest cannot be combined with ${conflicting.map((f) => (f === 'images' ? 'images' : `--${f}`)).join(', ')}`,
      );
    }
  }
  if (command !== 'run') return;
  checkRunTimeFlags(args.pod);
  const nets = all(args.pod, 'net').flatMap((n) => n.split(','));
  if (args.pod.has('port') && nets.some((n) => n === 'none' || n === 'host')) {
    throw new RktError('USAGE', '--port cannot be used with --net=none or --net=host');
  }
  if (bool(args.pod, 'mds-register') && nets.includes('none')) {
    throw new RktError('USAGE', '--mds-register cannot be used with --net=none');
  }
  if (bool(args.pod, 'interactive') && args.apps.length > 1) {
    throw new RktError('USAGE', '--interactive can only be used with a single image');
  }
}

/** --pull-policy with rkt's deprecated spellings: --store-only = never, --no-store = update. */
export function pullPolicyOf(args: RunArgs): 'new' | 'update' | 'never' {
  const given = last(args.pod, 'pull-policy');
  if (given !== undefined) {
    if (given !== 'new' && given !== 'update' && given !== 'never') {
      throw new RktError('BAD_FLAG', `--pull-policy=${given}: expected new, update or never`);
    }
    return given;
  }
  if (bool(args.pod, 'store-only')) return 'never';
  if (bool(args.pod, 'no-store')) return 'update';
  return 'new';
}
