/** Go's wording of a failed system call: `open /x/y.aci: no such file or directory`. */
export function osMessage(op: string, path: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const reason = /^[A-Z0-9]+: (.*?), \w+ '.*'$/s.exec(message)?.[1] ?? message;
  return `${op} ${path}: ${reason}`;
}
