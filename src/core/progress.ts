import { argumentError, checkPositive } from "./internal/arguments.js";

/**
 * Progress of a long run, passed to an `onProgress` callback.
 */
export interface ProgressEvent {
  /** What is running, e.g. `"mining"`, `"bootstrap"`, `"restart"`. */
  readonly stage: string;
  /** Units done so far. */
  readonly completed: number;
  /** Units in all, when known. */
  readonly total: number | undefined;
  /** `completed / total` in [0, 1], or undefined when the total is unknown. */
  readonly fraction: number | undefined;
}

/**
 * The progress-callback convention: long-running functions accept
 * `onProgress?: ProgressCallback` and call it at most every `interval`
 * units, always once at the end. A callback that throws aborts the run
 * (useful for cancellation).
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * const onProgress: ProgressCallback = (event) => {
 *   seen.push(`${event.stage} ${event.completed}/${event.total}`);
 * };
 * const progress = progressReporter(onProgress, "restart", 2);
 * progress.tick(1);
 * progress.tick(2);
 * progress.done();
 * seen; // => ["restart 1/2", "restart 2/2", "restart 2/2"] (the same callback goes to any long run's `onProgress`)
 * ```
 */
export type ProgressCallback = (event: ProgressEvent) => void;

/**
 * Makes a throttled reporter for a stage. Call `tick(completed)` as often as
 * you like; the callback fires when `completed` crosses the next multiple of
 * `interval`, and `done()` fires the final event.
 *
 * @example
 * ```ts
 * const seen: number[] = [];
 * const progress = progressReporter((event) => {
 *   seen.push(event.completed);
 * }, "restart", 10, 5);
 * for (let i = 1; i <= 10; i++) progress.tick(i);
 * progress.done();
 * seen; // => [5, 10, 10]
 * ```
 * @throws InvalidOptionsError when `onProgress` is neither a function nor undefined, `stage` is not a
 *   string, `total` is not undefined or a finite number >= 0, or `interval` is not a finite number > 0
 */
export function progressReporter(
  onProgress: ProgressCallback | undefined,
  stage: string,
  total: number | undefined,
  interval = 1,
): {
  /** Records that `completed` units are done; calls back once `completed` is at least `interval` past the last report. */
  tick(completed: number): void;
  /** Fires the final event: `completed` = `total`, or the last ticked count when the total is unknown. */
  done(): void;
} {
  const name = "progressReporter";
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw argumentError(name, "onProgress", "expected a function or undefined", onProgress);
  }
  if (typeof stage !== "string") throw argumentError(name, "stage", "expected a string", stage);
  if (total !== undefined && !(Number.isFinite(total) && (total as number) >= 0)) {
    throw argumentError(name, "total", "expected undefined or a finite number of at least 0", total);
  }
  checkPositive(name, "interval", interval);
  if (onProgress === undefined) return { tick: () => {}, done: () => {} };
  let next = interval;
  let last = 0;
  const emit = (completed: number) =>
    onProgress({
      stage,
      completed,
      total,
      fraction: total === undefined || total === 0 ? undefined : Math.min(1, completed / total),
    });
  return {
    tick(completed) {
      last = completed;
      if (completed >= next) {
        next = completed + interval;
        emit(completed);
      }
    },
    done() {
      emit(total ?? last);
    },
  };
}
