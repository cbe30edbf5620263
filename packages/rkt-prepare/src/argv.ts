import { RktError } from '@rkt/common';
import { FLAGS, type Command, type FlagSpec } from './flag-table.js';

/** Flag values in the order given; a flag given twice keeps both (callers decide what repeats mean). */
export type FlagValues = Map<string, string[]>;

export interface AppArgs {
  image: string;
  flags: FlagValues;
  /** words after `--`, up to `---` */
  args?: string[];
}

export interface RunArgs {
  global: FlagValues;
  pod: FlagValues;
  apps: AppArgs[];
}

/**
 * Split `rkt run`/`rkt prepare` arguments by rkt's grammar. Errors (exit 254, rkt's status for flag
 * errors) name the offending word.
 */
export function parseRunArgs(words: readonly string[], command: Command): RunArgs {
  const result: RunArgs = { global: new Map(), pod: new Map(), apps: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const current = result.apps.at(-1);
    if (word === '--') {
      if (!current) throw usage(`"--" must follow an image`);
      if (current.args) throw usage(`only one "--" block is allowed per image (${current.image})`);
      const end = words.indexOf('---', i + 1);
      current.args = words.slice(i + 1, end < 0 ? words.length : end);
      i = end < 0 ? words.length : end;
      continue;
    }
    if (!word.startsWith('--') || word === '---') {
      if (word === '---') throw usage('"---" without a preceding "--"');
      result.apps.push({ image: word, flags: new Map() });
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const spec = FLAGS[name];
    if (!spec || (spec.only && spec.only !== command)) throw usage(`unknown flag: --${name}`);
    let value: string;
    if (eq >= 0) value = word.slice(eq + 1);
    else if (spec.kind === 'bool') value = 'true';
    else if (spec.kind === 'optional') value = spec.bare ?? '';
    else {
      const next = words[i + 1];
      if (next === undefined) throw usage(`flag needs an argument: --${name}`);
      value = next;
      i++;
    }
    if (spec.kind === 'bool' && value !== 'true' && value !== 'false') {
      throw usage(`invalid argument "${value}" for --${name}: expected true or false`);
    }
    add(target(result, spec, name, current), name, value);
  }
  return result;
}

function target(result: RunArgs, spec: FlagSpec, name: string, current: AppArgs | undefined): FlagValues {
  switch (spec.scope) {
    case 'global':
      return result.global;
    case 'both':
      return current ? current.flags : result.pod;
    case 'pod':
      if (current) throw usage(`--${name} is a pod flag: give it before the first image`);
      return result.pod;
    case 'app':
      if (!current) throw usage(`--${name} applies to an image: give it after the image`);
      return current.flags;
  }
}

function add(values: FlagValues, name: string, value: string): void {
  const list = values.get(name);
  if (list) list.push(value);
  else values.set(name, [value]);
}

function usage(message: string): RktError {
  return new RktError('USAGE', message);
}

/** The last value of a flag, if given. */
export function last(values: FlagValues, name: string): string | undefined {
  return values.get(name)?.at(-1);
}

export function all(values: FlagValues, name: string): string[] {
  return values.get(name) ?? [];
}

export function bool(values: FlagValues, name: string): boolean {
  return last(values, name) === 'true';
}
