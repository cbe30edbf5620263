import { createInterface, type Interface } from 'node:readline';
import type { TextSink } from '@rkt/common';
import { TrustError } from '../errors.js';

export const PROMPT = 'Are you sure you want to trust this key (yes/no)?';

export interface ReviewStreams {
  input: NodeJS.ReadableStream;
  /** Where the key and the prompt are shown (stderr in the CLI). */
  output: TextSink;
  /** Both ends are terminals (rkt requires a tty on stdin and stderr to ask). */
  interactive: boolean;
}

/**
 * Asks for each key in turn, reading answers from one line reader. Only exact `yes` or `no` lines
 * answer (as in rkt); anything else asks again; end of input is REVIEW_ABORTED.
 */
export class FingerprintReview {
  private lines: AsyncIterator<string> | undefined;
  private rl: Interface | undefined;

  constructor(private readonly streams: ReviewStreams) {}

  async confirm(): Promise<boolean> {
    if (!this.streams.interactive) {
      throw new TrustError(
        'NO_TTY',
        'cannot ask to review the key fingerprint: stdin and stderr must be a terminal',
        {
          hint: 'Check the fingerprint above, then run again with --skip-fingerprint-review.',
        },
      );
    }
    this.rl ??= createInterface({ input: this.streams.input, terminal: false, crlfDelay: Infinity });
    this.lines ??= this.rl[Symbol.asyncIterator]();
    for (;;) {
      this.streams.output.write(`${PROMPT}\n`);
      const line = await this.lines.next();
      if (line.done)
        throw new TrustError('REVIEW_ABORTED', 'no answer to the fingerprint review: end of input');
      if (line.value === 'yes') return true;
      if (line.value === 'no') return false;
      this.streams.output.write("Please enter 'yes' or 'no'\n");
    }
  }

  close(): void {
    this.rl?.close();
  }
}
