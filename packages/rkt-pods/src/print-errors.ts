import { APPC_SPEC_VERSION } from '@rkt/appc';
import { warn, type TextSink } from '@rkt/common';

const SEPARATOR = '-'.repeat(40);

/** rkt's printErrors: the per-pod problems `list` found, after its output, framed for humans. */
export function printErrors(
  prog: string,
  errors: readonly Error[],
  operation: string,
  stderr: TextSink,
): void {
  if (errors.length === 0) return;
  const line = (text: string) => warn(prog, text, stderr);
  line(`${errors.length} error(s) encountered when ${operation}:`);
  line(SEPARATOR);
  for (const e of errors) {
    line(e.message);
    line(SEPARATOR);
  }
  line('misc:');
  line(`  rkt's appc version: ${APPC_SPEC_VERSION}`);
  line(SEPARATOR);
  line('');
}
