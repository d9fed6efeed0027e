/**
 * A byte-level CSV state machine (RFC 4180 with the usual leniency: a quote is special only at the
 * start of a field, `""` inside quotes is one quote, text after a closing quote is kept). It finds
 * record boundaries the way DuckDB's reader does (quoted newlines stay in the field, empty lines are
 * skipped, CRLF and LF both end a record), so a record number from DuckDB maps back to the physical
 * line the record starts on.
 */
export interface CsvDialect {
  delimiter: string;
  quote: string;
}

/** A complete record: its 0-based number among the non-empty records and the line it starts on. */
export interface ScannedRecord {
  index: number;
  line: number;
  /** The record's bytes without its line ending, only when the caller asked for them. */
  bytes?: Buffer;
}

const LF = 0x0a;
const CR = 0x0d;

const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof State)[keyof typeof State];

export class CsvRecordScanner {
  private readonly delimiter: number;
  private readonly quote: number;
  private state: State = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private recordLength = 0;
  private pendingCr = false;
  private index = 0;
  private parts: Buffer[] = [];
  private capturing: boolean;

  /** `capture(index)` says whether the bytes of the record with that number are wanted. */
  constructor(
    dialect: CsvDialect,
    private readonly capture: (index: number) => boolean = () => false,
  ) {
    this.delimiter = singleByte(dialect.delimiter, 'delimiter');
    this.quote = singleByte(dialect.quote, 'quote');
    this.capturing = capture(0);
  }

  /** Feeds the next chunk; returns the records it completed. */
  push(chunk: Buffer): ScannedRecord[] {
    const done: ScannedRecord[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === LF && this.state !== State.Quoted) {
        this.line++;
        if (this.capturing) this.parts.push(chunk.subarray(start, i));
        start = i + 1;
        this.pendingCr = false;
        this.finishRecord(done);
        continue;
      }
      if (byte === LF) this.line++;
      this.consumePendingCr();
      if (byte === CR && this.state !== State.Quoted) {
        this.pendingCr = true;
        continue;
      }
      this.recordLength++;
      this.step(byte);
    }
    if (this.capturing) this.parts.push(chunk.subarray(start));
    return done;
  }

  /** Ends the input: a last record without a line ending still counts. */
  end(): ScannedRecord[] {
    const done: ScannedRecord[] = [];
    this.pendingCr = false;
    this.finishRecord(done);
    return done;
  }

  /** A CR not followed by LF is an ordinary character of the record. */
  private consumePendingCr(): void {
    if (!this.pendingCr) return;
    this.pendingCr = false;
    this.recordLength++;
    this.step(CR);
  }

  private step(byte: number): void {
    switch (this.state) {
      case State.FieldStart:
        if (byte === this.quote) this.state = State.Quoted;
        else if (byte !== this.delimiter) this.state = State.Unquoted;
        return;
      case State.Unquoted:
        if (byte === this.delimiter) this.state = State.FieldStart;
        return;
      case State.Quoted:
        if (byte === this.quote) this.state = State.QuoteInQuoted;
        return;
      case State.QuoteInQuoted:
        if (byte === this.quote) this.state = State.Quoted;
        else if (byte === this.delimiter) this.state = State.FieldStart;
        else this.state = State.Unquoted;
        return;
    }
  }

  private finishRecord(done: ScannedRecord[]): void {
    if (this.recordLength > 0) {
      const record: ScannedRecord = { index: this.index, line: this.recordLine };
      if (this.capturing) record.bytes = stripCr(Buffer.concat(this.parts));
      done.push(record);
      this.index++;
    }
    this.parts = [];
    this.recordLength = 0;
    this.state = State.FieldStart;
    this.recordLine = this.line;
    this.capturing = this.capture(this.index);
  }
}

/** Splits one record's bytes into its fields, unquoting them; `decode` turns bytes into text. */
export function splitFields(bytes: Buffer, dialect: CsvDialect, decode: (b: Buffer) => string): string[] {
  const delimiter = singleByte(dialect.delimiter, 'delimiter');
  const quote = singleByte(dialect.quote, 'quote');
  const fields: string[] = [];
  let pieces: Buffer[] = [];
  let state: State = State.FieldStart;
  let start = 0;
  const flush = (end: number) => {
    if (end > start) pieces.push(bytes.subarray(start, end));
  };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (state === State.FieldStart && byte === quote) {
      state = State.Quoted;
      start = i + 1;
    } else if (state === State.Quoted && byte === quote) {
      flush(i);
      state = State.QuoteInQuoted;
      start = i + 1;
    } else if (state === State.QuoteInQuoted && byte === quote) {
      pieces.push(bytes.subarray(i, i + 1));
      state = State.Quoted;
      start = i + 1;
    } else if (byte === delimiter && state !== State.Quoted) {
      flush(i);
      fields.push(decode(Buffer.concat(pieces)));
      pieces = [];
      state = State.FieldStart;
      start = i + 1;
    } else if (state === State.FieldStart || state === State.QuoteInQuoted) {
      state = State.Unquoted;
    }
  }
  flush(bytes.length);
  fields.push(decode(Buffer.concat(pieces)));
  return fields;
}

function stripCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
}

function singleByte(text: string, what: string): number {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length !== 1) throw new Error(`CSV ${what} must be one character, got ${JSON.stringify(text)}`);
  return bytes[0] as number;
}

/** UTF-8 bytes as text (every CSV file is UTF-8 by the time it is read), without a byte-order mark. */
export function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
