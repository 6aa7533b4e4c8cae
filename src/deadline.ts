/** One time limit shared by the steps of a shutdown: each step waits at most for what is left of it. */
export class Deadline {
  private readonly at: number;

  constructor(
    ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.at = now() + ms;
  }

  left(): number {
    return Math.max(0, this.at - this.now());
  }

  /** True once `work` settled, or false if it had not within `ms` (what is left by default); the work itself goes on. */
  async within(work: Promise<unknown>, ms = this.left()): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.min(ms, this.left()))));
    try {
      return await Promise.race([work.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
