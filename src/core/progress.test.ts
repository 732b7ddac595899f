import { describe, expect, it } from "vitest";
import { type ProgressEvent, progressReporter } from "./progress.js";

describe("progressReporter", () => {
  it("throttles to the interval and always reports the end", () => {
    const events: ProgressEvent[] = [];
    const progress = progressReporter((event) => events.push(event), "restart", 10, 4);
    for (let i = 1; i <= 10; i++) progress.tick(i);
    progress.done();
    expect(events.map((event) => event.completed)).toEqual([4, 8, 10]);
    expect(events.at(-1)).toEqual({ stage: "restart", completed: 10, total: 10, fraction: 1 });
  });

  it("is free when no callback is given", () => {
    const progress = progressReporter(undefined, "x", undefined);
    expect(() => {
      progress.tick(1);
      progress.done();
    }).not.toThrow();
  });

  it("reports an unknown total as an undefined fraction", () => {
    const events: ProgressEvent[] = [];
    const progress = progressReporter((event) => events.push(event), "scan", undefined, 1);
    progress.tick(3);
    expect(events[0]?.fraction).toBeUndefined();
  });
});
