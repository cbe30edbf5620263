import { formatIECSize } from '@rkt/common';
import type { Options, Params } from 'cli-progress';
import type { ProgressFactory, ProgressSink } from './types.js';

/**
 * A progress bar per download on `stream` (stderr): size, rate and ETA. Undefined unless the stream
 * is a terminal, so pipes and logs never see control characters. cli-progress loads on first use.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressFactory | undefined {
  if (!stream.isTTY) return undefined;
  return async (label, total) => {
    const { default: progress } = await import('cli-progress');
    const started = Date.now();
    const bar = new progress.SingleBar({
      stream,
      fps: 8,
      hideCursor: true,
      clearOnComplete: false,
      format: (options: Options, params: Params) =>
        line(label, started, options, params, total !== undefined),
    });
    bar.start(total ?? 0, 0);
    let value = 0;
    const sink: ProgressSink = {
      bytes(n) {
        value += n;
        if (total === undefined) bar.setTotal(value);
        bar.update(value);
      },
      done() {
        bar.stop();
      },
    };
    return sink;
  };
}

function line(label: string, started: number, options: Options, params: Params, sized: boolean): string {
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  const rate = params.value / seconds;
  const size = formatIECSize(params.value) + (sized ? ` / ${formatIECSize(params.total)}` : '');
  const eta = sized && rate > 0 ? ` ETA ${Math.ceil((params.total - params.value) / rate)}s` : '';
  const width = options.barsize ?? 30;
  const filled = sized && params.total > 0 ? Math.round((params.value / params.total) * width) : 0;
  const bar = sized ? `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ` : '';
  return `fetch: ${label} ${bar}${size} ${formatIECSize(Math.round(rate))}/s${eta}`;
}
