/**
 * RFC 4180 records from text that arrives in pieces: quoted fields may hold commas, quotes
 * ("") and line breaks; a record ends at CRLF, LF or CR.
 */
export class CsvRecords {
  private record: string[] = [];
  private field = "";
  private state: "start" | "plain" | "quoted" | "quoteInQuoted" = "start";
  private skipLf = false;
  /** Records completed so far: the one being read is row `completed + 1`. */
  completed = 0;

  constructor(private readonly maxFieldLength: number) {}

  /** The records completed by this piece of text. */
  push(text: string): string[][] {
    const done: string[][] = [];
    for (const char of text) {
      if (this.skipLf) {
        this.skipLf = false;
        if (char === "\n") continue;
      }
      this.step(char, done);
    }
    return done;
  }

  /** The last record, if the text did not end with a line break. */
  end(): string[][] {
    if (this.state === "start" && this.field === "" && this.record.length === 0) return [];
    const done: string[][] = [];
    this.endRecord(done);
    return done;
  }

  private step(char: string, done: string[][]): void {
    switch (this.state) {
      case "quoted":
        if (char === '"') this.state = "quoteInQuoted";
        else this.add(char);
        return;
      case "quoteInQuoted":
        if (char === '"') {
          this.add('"');
          this.state = "quoted";
          return;
        }
        this.state = "plain";
        break;
      case "start":
        if (char === '"') {
          this.state = "quoted";
          return;
        }
        break;
      case "plain":
        break;
    }
    if (char === ",") this.endField();
    else if (char === "\n" || char === "\r") {
      this.endRecord(done);
      this.skipLf = char === "\r";
    } else {
      this.add(char);
      this.state = "plain";
    }
  }

  private add(char: string): void {
    if (this.field.length >= this.maxFieldLength) throw new RangeError(`row ${this.completed + 1}: a cell longer than ${this.maxFieldLength} characters (a quote left open?)`);
    this.field += char;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = "";
    this.state = "start";
  }

  private endRecord(done: string[][]): void {
    this.endField();
    done.push(this.record);
    this.record = [];
    this.completed += 1;
  }
}

/** RFC 4180 quoting of one cell. */
export function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
