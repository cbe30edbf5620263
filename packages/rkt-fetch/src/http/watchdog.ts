/**
 * Fires `onStall` once no `kick()` came for `ms`. While `busy()` says the reader is the slow side
 * (backpressure), the wait starts over instead: a stall is the sender's silence, not ours.
 */
export class Watchdog {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly ms: number,
    private readonly onStall: () => void,
    private readonly busy: () => boolean = () => false,
  ) {}

  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.ms);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private fire(): void {
    if (this.stopped) return;
    if (this.busy()) return this.kick();
    this.stop();
    this.onStall();
  }
}
