import { DEFAULT_CAPABILITIES, type Isolator } from '@rkt/appc';
import { capabilityName, LINUX_CAPABILITIES } from './capabilities.js';
import { stage1Error } from './errors.js';
import type { OciCapabilities } from './oci-spec.js';

/**
 * An app's capability set (appc §5): the 14 defaults; a retain-set replaces them, a remove-set
 * subtracts from them. Names the kernel does not know are dropped with a warning.
 */
export function capabilitySet(
  app: string,
  isolators: readonly Isolator[],
): { set: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const known = (names: readonly string[]): string[] => {
    const out: string[] = [];
    for (const n of names.map(capabilityName)) {
      if (!LINUX_CAPABILITIES.includes(n)) warnings.push(`app "${app}": ignoring unknown capability ${n}`);
      else if (!out.includes(n)) out.push(n);
    }
    return out;
  };
  let retain: string[] | undefined;
  let remove: string[] | undefined;
  for (const i of isolators) {
    if (!i.known) continue;
    if (i.name === 'os/linux/capabilities-retain-set') retain = known(i.value.set);
    if (i.name === 'os/linux/capabilities-remove-set') remove = known(i.value.set);
  }
  if (retain !== undefined && remove !== undefined)
    throw stage1Error(
      'PLAN_INPUT',
      `app "${app}": os/linux/capabilities-retain-set and -remove-set cannot be used together`,
    );
  if (retain !== undefined) return { set: retain, warnings };
  const set = DEFAULT_CAPABILITIES.filter((c) => !(remove ?? []).includes(c));
  return { set, warnings };
}

/**
 * The process's sets: root gets the set everywhere but inheritable and ambient; any other user only
 * the bounding set (its effective set is empty, as with rkt: rkt/rkt#3672).
 */
export function processCapabilities(set: readonly string[], uid: number): OciCapabilities {
  const mine = uid === 0 ? [...set] : [];
  return { bounding: [...set], effective: mine, permitted: [...mine], inheritable: [], ambient: [] };
}
