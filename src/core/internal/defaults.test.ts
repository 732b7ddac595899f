import { describe, expect, it } from "vitest";
import { withDefaults } from "./defaults.js";

describe("withDefaults", () => {
  it("fills only the options left undefined, keeps the others and does not touch its input", () => {
    const parsed = Object.freeze({ seed: 0, level: undefined, extra: "kept" });
    expect(withDefaults(parsed, { seed: 1, level: 0.95, samples: 1000 })).toEqual({
      seed: 0,
      level: 0.95,
      samples: 1000,
      extra: "kept",
    });
    expect(parsed.level).toBeUndefined();
  });
});
