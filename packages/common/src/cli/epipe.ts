const guarded = new WeakSet<object>();

export function isEpipe(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EPIPE';
}

/**
 * When the reader of `stream` goes away (`rkt list | head -1`), Node reports EPIPE as an 'error'
 * event, which would crash with a stack. Go's rkt dies of SIGPIPE silently; we end quietly with the
 * exit status set so far (0 by default): nothing more can be delivered anyway. Other stream errors
 * are rethrown. Installing twice on one stream is a no-op.
 */
export function guardEpipe(
  stream: NodeJS.EventEmitter = process.stdout,
  onEpipe: () => void = () => process.exit(),
): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (err: unknown) => {
    if (!isEpipe(err)) throw err;
    onEpipe();
  });
}
