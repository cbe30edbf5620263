/** Where CLI text goes: stdout is data only, stderr diagnostics. Injected so tests can capture it. */
export interface TextSink {
  write(chunk: string): unknown;
}

/** A diagnostic line on stderr, prefixed like rkt's: `gc: moving pod "…" to garbage`. */
export function warn(prog: string, message: string, stderr: TextSink = process.stderr): void {
  stderr.write(`${prog}: ${message}\n`);
}
