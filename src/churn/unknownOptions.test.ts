import { describe, expect, it } from "vitest";
import { expectUnknownOption, optionsError } from "../../test/unknownOptions.js";
import { calibrateChurnModel } from "./calibrateChurnModel.js";
import { coxModel } from "./coxModel.js";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import { evaluateScores } from "./evaluateScores.js";
import { inactivityRisk } from "./inactivityRisk.js";
import { restoreChurnModel } from "./restoreChurnModel.js";
import { retentionEconomics } from "./retentionEconomics.js";
import { trainChurnModel } from "./trainChurnModel.js";
import { trainTestSplit } from "./trainTestSplit.js";

// Every options object of clientele/churn is strict: a misspelt key used to fall back to the default
// silently (issue 12: `regularisation`, `treshold`, `testfraction`); now it is an InvalidOptionsError
// naming the key, with the likely intended name.
const customers = Object.freeze(
  Array.from({ length: 60 }, (_, i) =>
    Object.freeze({
      churned: i % 3 === 0 ? 1 : 0,
      days: ((i * 7) % 50) + (i % 3 === 0 ? 20 : 0),
      plan: i % 4 === 0 ? "basic" : "plus",
    }),
  ),
);
const trainOptions = { label: "churned", fields: { numeric: ["days"], categorical: ["plan"] } } as const;
const model = trainChurnModel(customers, trainOptions);
const orders = Object.freeze([
  Object.freeze({ customer: "A", date: "2024-01-01" }),
  Object.freeze({ customer: "A", date: "2024-01-11" }),
  Object.freeze({ customer: "B", date: "2024-01-05" }),
  Object.freeze({ customer: "B", date: "2024-01-25" }),
]);
const economics = { customers: 100, churnRate: 0.2, margin: 10, acquisitionCost: 30, retentionCost: 5 };

const cases: [string, () => unknown, string, string | undefined][] = [
  // [function, call with a misspelt key, path of the key, suggested name]
  [
    "trainChurnModel",
    () => trainChurnModel(customers, { ...trainOptions, regularisation: { l2: 0 } } as never),
    "regularisation",
    "regularization",
  ],
  [
    "trainChurnModel (regularization)",
    () => trainChurnModel(customers, { ...trainOptions, regularization: { L2: 0 } } as never),
    "regularization.L2",
    "l2",
  ],
  [
    "trainChurnModel (fields)",
    () =>
      trainChurnModel(customers, {
        label: "churned",
        fields: { numeric: ["days"], categorial: ["plan"] },
      } as never),
    "fields.categorial",
    "categorical",
  ],
  [
    "trainChurnModel (classWeight)",
    () =>
      trainChurnModel(customers, {
        ...trainOptions,
        classWeight: { churned: 2, retained: 1, lost: 3 },
      } as never),
    "classWeight.lost",
    undefined,
  ],
  [
    "trainChurnModel (a named feature)",
    () =>
      trainChurnModel(customers, {
        label: "churned",
        fields: { numeric: [{ name: "d", value: (row: { days: number }) => row.days, valu: 1 }] },
      } as never),
    "fields.numeric.0.valu",
    "value",
  ],
  [
    "trainChurnModel (features, the former name of fields)",
    () => trainChurnModel(customers, { label: "churned", features: { numeric: ["days"] } } as never),
    "features",
    "fields",
  ],
  [
    "coxModel (features, the former name of fields)",
    () => coxModel(customers, { time: "days", event: "churned", features: { numeric: ["days"] } } as never),
    "features",
    "fields",
  ],
  ["ChurnModel.explain", () => model.explain(customers[0] as never, { tops: 1 } as never), "tops", "top"],
  [
    "trainTestSplit",
    () => trainTestSplit(customers, { testfraction: 0.5 } as never),
    "testfraction",
    "testFraction",
  ],
  [
    "evaluateScores",
    () => evaluateScores([0.2, 0.8], [0, 1], { treshold: 0.9 } as never),
    "treshold",
    "threshold",
  ],
  [
    "evaluateChurnModel",
    () => evaluateChurnModel(model, customers, { group: 5 } as never),
    "group",
    "groups",
  ],
  [
    "inactivityRisk",
    () =>
      inactivityRisk(orders, {
        customer: "customer",
        date: "date",
        asOf: "2024-02-01",
        priorweight: 9,
      } as never),
    "priorweight",
    "priorWeight",
  ],
  [
    "retentionEconomics",
    () => retentionEconomics({ ...economics, discountrate: 0.5 } as never),
    "discountrate",
    "discountRate",
  ],
];

describe("churn options are strict", () => {
  for (const [name, call, path, suggestion] of cases) {
    it(`${name}: a misspelt option is an InvalidOptionsError naming it`, () => {
      expectUnknownOption(call, path, suggestion);
    });
  }

  it("explain's top is still checked", () => {
    expect(optionsError(() => model.explain(customers[0] as never, { top: -1 })).issues[0]?.path).toBe("top");
    expect(model.explain(customers[0] as never, { top: 1 }).reasons.length).toBeLessThanOrEqual(1);
  });
});

describe("calibrateChurnModel and restoreChurnModel options are strict", () => {
  it("name a misspelt key", () => {
    const calibrate = optionsError(() => calibrateChurnModel(model, customers, { methd: "platt" } as never));
    expect(calibrate.issues.map((issue) => issue.path)).toEqual(["methd"]);
    const restore = optionsError(() => restoreChurnModel(model.toJSON(), { acessors: {} } as never));
    expect(restore.issues.map((issue) => issue.path)).toEqual(["acessors"]);
  });
});
