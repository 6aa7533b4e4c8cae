/** One time limit shared by the steps of a shutdown: each step waits at most for what is left of it. */
export class Deadline {
  private readonly at: number;

  constructor(ms: number) {
    this.at = performance.now() + ms;
  }

  left(): number {
    return Math.max(0, this.at - performance.now());
  }

  /**
   * True once `work` is done, or false if it is not within `ms` nor by the deadline (the work
   * itself goes on); a failure of `work` is thrown.
   */
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
