// Splits a byte stream into UTF-8 text lines, dropping any line longer than a cap instead of buffering it.
import { StringDecoder } from 'node:string_decoder';

export class LineSplitter {
  readonly #decoder = new StringDecoder('utf8');
  #partial = '';
  #overflow = false;

  constructor(private readonly maxLineLength: number) {}

  /** The complete lines this chunk finishes (without their line breaks). */
  push(chunk: Buffer): string[] {
    const parts = (this.#partial + this.#decoder.write(chunk)).split('\n');
    this.#partial = parts.pop() ?? '';
    const lines = parts.filter((_, index) => !(index === 0 && this.#overflow)).map((line) => line.replace(/\r$/, ''));
    if (parts.length > 0) this.#overflow = false;
    if (this.#partial.length > this.maxLineLength) {
      this.#partial = '';
      this.#overflow = true;
    }
    return lines.filter((line) => line.length <= this.maxLineLength);
  }

  /** The last line when the stream ends without a line break. */
  end(): string[] {
    const rest = this.#partial + this.#decoder.end();
    this.#partial = '';
    return rest === '' || this.#overflow || rest.length > this.maxLineLength ? [] : [rest.replace(/\r$/, '')];
  }
}
