import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a load stands; the numbers are @lit/task's, whose small subset this controller is. */
export const LoadStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type LoadStatus = (typeof LoadStatus)[keyof typeof LoadStatus];

export interface LoaderOptions<A extends readonly unknown[], R> {
  /** Loads for these arguments; aborted (through `signal`) when newer arguments come. */
  task: (args: A, options: { signal: AbortSignal }) => Promise<R>;
  /** Read before every update of the host: a change (by `!==`) loads again. */
  args: () => A;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

/**
 * Loads data for an element whenever the arguments it depends on change, keeps the last result, and
 * renders by status — what the elements used @lit/task for, in a fraction of its size.
 */
export class Loader<A extends readonly unknown[], R> implements ReactiveController {
  status: LoadStatus = LoadStatus.INITIAL;
  value?: R;
  error?: unknown;
  private lastArgs?: A;
  private calls = 0;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LoaderOptions<A, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    const last = this.lastArgs;
    if (last && args.length === last.length && args.every((arg, i) => arg === last[i])) return;
    void this.run(args);
  }

  /** Loads now, with the current arguments unless others are given. */
  async run(args: A = this.options.args()): Promise<void> {
    this.lastArgs = args;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const call = ++this.calls;
    this.status = LoadStatus.PENDING;
    this.host.requestUpdate();
    try {
      const value = await this.options.task(args, { signal: abort.signal });
      if (call !== this.calls) return;
      this.notify(this.options.onComplete, value);
      [this.status, this.value, this.error] = [LoadStatus.COMPLETE, value, undefined];
    } catch (error) {
      if (call !== this.calls) return;
      this.notify(this.options.onError, error);
      [this.status, this.value, this.error] = [LoadStatus.ERROR, undefined, error];
    }
    this.host.requestUpdate();
  }

  /**
   * Like @lit/task, a callback that throws changes nothing of the load's outcome (a load that
   * succeeded still shows); unlike it, the error is not swallowed but said on the console.
   */
  private notify<T>(callback: ((value: T) => void) | undefined, value: T): void {
    try {
      callback?.(value);
    } catch (error) {
      console.error('Hallway: a load callback failed.', error);
    }
  }

  render(renderers: { initial?: () => unknown; pending?: () => unknown; complete?: (value: R) => unknown; error?: (error: unknown) => unknown }): unknown {
    switch (this.status) {
      case LoadStatus.INITIAL:
        return renderers.initial?.();
      case LoadStatus.PENDING:
        return renderers.pending?.();
      case LoadStatus.COMPLETE:
        return renderers.complete?.(this.value as R);
      case LoadStatus.ERROR:
        return renderers.error?.(this.error);
    }
  }
}
