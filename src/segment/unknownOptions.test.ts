import { describe, expect, it } from "vitest";
import { expectUnknownOption, optionsError } from "../../test/unknownOptions.js";
import { closestName, editDistance } from "../core/internal/closestName.js";
import { applyFeatures } from "./applyFeatures.js";
import { assignSegments } from "./assignSegments.js";
import { chooseK } from "./chooseK.js";
import { featureMatrix } from "./featureMatrix.js";
import { kMeans } from "./kMeans.js";
import { kMeansSteps } from "./kMeansSteps.js";
import { segmentProfiles } from "./segmentProfiles.js";

// Every options object of clientele/segment is strict: a misspelt key used to fall back to the
// default silently (issue 12); now it is an InvalidOptionsError naming the key and the likely fix.
const customers = Object.freeze(
  [
    { recency: 5, frequency: 12, monetary: 900 },
    { recency: 9, frequency: 10, monetary: 750 },
    { recency: 3, frequency: 15, monetary: 1200 },
    { recency: 200, frequency: 2, monetary: 60 },
    { recency: 240, frequency: 1, monetary: 35 },
    { recency: 180, frequency: 2, monetary: 80 },
    { recency: 40, frequency: 5, monetary: 200 },
    { recency: 55, frequency: 4, monetary: 150 },
    { recency: 35, frequency: 6, monetary: 260 },
  ].map((row) => Object.freeze(row)),
);
const fields = ["recency", "frequency", "monetary"] as const;
const model = kMeans(customers, { k: 3, fields: [...fields], seed: 1 });

const cases: [string, () => unknown, string, string | undefined][] = [
  // [function, call with a misspelt key, path of the key, suggestion]
  [
    "featureMatrix",
    () => featureMatrix(customers, { fields: [...fields], transform: "none" } as never),
    "transform",
    "transforms",
  ],
  [
    "applyFeatures",
    () => applyFeatures(model.transform, customers, { mising: "drop" } as never),
    "mising",
    "missing",
  ],
  [
    "kMeans",
    () => kMeans(customers, { k: 2, fields: [...fields], restart: 1 } as never),
    "restart",
    "restarts",
  ],
  [
    "kMeansSteps",
    () => kMeansSteps(customers, { k: 2, fields: [...fields], maxIteration: 1 } as never).next(),
    "maxIteration",
    "maxIterations",
  ],
  [
    "chooseK",
    () => chooseK(customers, { fields: [...fields], krange: [2, 3], restarts: 1 } as never),
    "krange",
    "kRange",
  ],
  [
    "segmentProfiles",
    () => segmentProfiles(model, customers, { treshold: 2 } as never),
    "treshold",
    "threshold",
  ],
  [
    "segmentProfiles (labelWords entry)",
    () =>
      segmentProfiles(model, customers, {
        labelWords: { recency: { high: "lapsed", low: "recent", hihg: "x" } },
      } as never),
    "labelWords.recency.hihg",
    undefined,
  ],
  [
    "assignSegments",
    () => assignSegments(model, customers, { misssing: "drop" } as never),
    "misssing",
    "missing",
  ],
];

describe("segment options are strict", () => {
  for (const [name, call, path, suggestion] of cases) {
    it(`${name}: a misspelt option is an InvalidOptionsError naming it`, () => {
      expectUnknownOption(call, path, suggestion);
    });
  }

  it("kMeansSteps refuses restarts (it steps one run) instead of overriding it silently", () => {
    const error = optionsError(() =>
      kMeansSteps(customers, { k: 2, fields: [...fields], restarts: 5 } as never).next(),
    );
    expect(error.issues[0]?.path).toBe("restarts");
  });

  it("lists the valid names when no name is close", () => {
    const error = optionsError(() => kMeans(customers, { k: 2, fields: [...fields], zzzzzzzz: 1 } as never));
    expect(error.issues[0]?.message).toMatch(/unknown option "\w+" \(valid: k, fields, .*restarts/);
  });

  it("keeps reporting the other problems beside an unknown key", () => {
    const error = optionsError(() => kMeans(customers, { k: 0, fields: [...fields], sead: 1 } as never));
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["k", "sead"]);
  });
});

describe("closestName", () => {
  it("Levenshtein distance, hand-counted", () => {
    expect(editDistance("kitten", "sitting")).toBe(3); // k->s, e->i, +g
    expect(editDistance("treshold", "threshold")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("ignores case and refuses far names", () => {
    expect(closestName("krange", ["k", "kRange", "seed"])).toBe("kRange");
    expect(closestName("regularisation", ["regularization", "missing"])).toBe("regularization");
    expect(closestName("colour", ["k", "seed", "fields"])).toBeUndefined();
  });
});
