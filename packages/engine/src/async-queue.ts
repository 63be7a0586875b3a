// An unbounded queue read as an async iterable: items pushed before or while a reader waits are
// yielded in order; iteration ends once the queue is closed and drained.
export class AsyncQueue<Item> implements AsyncIterable<Item> {
  readonly #buffer: Item[] = [];
  #wake: (() => void) | undefined;
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  push(item: Item): void {
    this.#buffer.push(item);
    this.#signal();
  }

  close(): void {
    this.#closed = true;
    this.#signal();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for (;;) {
      const next = this.#buffer.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
