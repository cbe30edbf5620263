import type { TextSink } from './streams.js';

/** A TextSink that keeps what was written, for tests. */
export class MemorySink implements TextSink {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
