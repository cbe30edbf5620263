import { RktError } from '@rkt/common';
import { bad, intValue } from './flag-values.js';
import { all, last, type FlagValues } from './argv.js';

type Isolator = { name: string; value: unknown };

const CAPS = ['os/linux/capabilities-retain-set', 'os/linux/capabilities-remove-set'];
const SECCOMP = ['os/linux/seccomp-retain-set', 'os/linux/seccomp-remove-set'];

/**
 * The app isolators after rkt's per-app flags (rkt.md §6.1): --memory and --cpu append resource
 * limits; --cpu-shares and --oom-score-adj replace theirs; --caps-* drop every capability isolator
 * and add one; --seccomp replaces both seccomp isolators.
 */
export function applyIsolatorFlags(image: readonly Isolator[], flags: FlagValues): Isolator[] {
  let out = [...image];
  const replace = (names: string[], add: Isolator) => {
    out = [...out.filter((i) => !names.includes(i.name)), add];
  };
  const memory = last(flags, 'memory');
  if (memory !== undefined) out.push({ name: 'resource/memory', value: { limit: memory } });
  const cpu = last(flags, 'cpu');
  if (cpu !== undefined) out.push({ name: 'resource/cpu', value: { limit: cpu } });
  const shares = last(flags, 'cpu-shares');
  if (shares !== undefined)
    replace(['os/linux/cpu-shares'], { name: 'os/linux/cpu-shares', value: intValue('cpu-shares', shares) });
  const oom = last(flags, 'oom-score-adj');
  if (oom !== undefined)
    replace(['os/linux/oom-score-adj'], {
      name: 'os/linux/oom-score-adj',
      value: intValue('oom-score-adj', oom),
    });
  const retain = [...all(flags, 'caps-retain'), ...all(flags, 'cap-retain')];
  const remove = [...all(flags, 'caps-remove'), ...all(flags, 'cap-remove')];
  if (retain.length > 0 && remove.length > 0) {
    throw new RktError('BAD_FLAG', '--caps-retain and --caps-remove cannot be used together');
  }
  if (retain.length > 0) replace(CAPS, { name: CAPS[0]!, value: { set: capList(retain) } });
  if (remove.length > 0) replace(CAPS, { name: CAPS[1]!, value: { set: capList(remove) } });
  const seccomp = last(flags, 'seccomp');
  if (seccomp !== undefined) replace(SECCOMP, seccompIsolator(seccomp));
  return out;
}

function capList(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
}

/** `mode=retain|remove[,errno=ENAME],sys1,sys2` */
function seccompIsolator(text: string): Isolator {
  const parts = text.split(',');
  const mode = parts[0]?.startsWith('mode=') ? parts[0].slice(5) : undefined;
  if (mode !== 'retain' && mode !== 'remove') throw bad('seccomp', text, 'expected mode=retain|remove,...');
  let errno: string | undefined;
  const set: string[] = [];
  for (const part of parts.slice(1)) {
    if (part.startsWith('errno=')) errno = part.slice(6);
    else if (part !== '') set.push(part);
  }
  if (set.length === 0) throw bad('seccomp', text, 'no syscalls given');
  const name = mode === 'retain' ? SECCOMP[0]! : SECCOMP[1]!;
  return { name, value: errno === undefined ? { set } : { set, errno } };
}
