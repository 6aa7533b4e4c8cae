import type { Writable } from "node:stream";

const FLUSH_AT = 1 << 16;

/** Gathers small writes into 64 KiB chunks and waits for 'drain', so memory stays flat on big batches. */
export class BufferedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join("");
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", () => resolve()));
  }
}
