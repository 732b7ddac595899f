import { describe, expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset } from "../../test/datasets.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { preparePlsData } from "./internal/plsPrepare.js";
import { resolvePlsModel } from "./internal/plsSpec.js";
import { crossValidate } from "./internal/predictKernel.js";
import { plsPathModel } from "./plsPathModel.js";
import { plsPredict } from "./plsPredict.js";

/** The model as the R references estimate it (fully converged). */
const MODEL = ECSI_REFERENCE_OPTIONS;

describeWithDataset("ecsi_mobi.csv", "plsPredict on the ECSI model", () => {
  const rows = readEcsiRows();
  const reference = readGroupsPredictReference().predict;

  it("matches the base-R PLSpredict (earliest antecedents, LM benchmark, Q²predict) on two fixed fold sets to 1e-9", () => {
    const resolved = resolvePlsModel("test", MODEL);
    const data = preparePlsData("test", rows, resolved);
    const sums = crossValidate(
      "test",
      resolved,
      data,
      reference.folds.map((f) => Int32Array.from(f)),
    );
    const names = Array.from(sums.targets, (a) => resolved.indicators[a] as string);
    expect(names).toEqual(reference.indicators);
    names.forEach((name, s) => {
      expect(Math.abs((sums.plsRmse[s] as number) - (reference.plsRmse[name] as number))).toBeLessThan(1e-9);
      expect(Math.abs((sums.plsMae[s] as number) - (reference.plsMae[name] as number))).toBeLessThan(1e-9);
      expect(Math.abs((sums.lmRmse[s] as number) - (reference.lmRmse[name] as number))).toBeLessThan(1e-9);
      expect(Math.abs((sums.lmMae[s] as number) - (reference.lmMae[name] as number))).toBeLessThan(1e-9);
      expect(Math.abs((sums.q2predict[s] as number) - (reference.q2predict[name] as number))).toBeLessThan(
        1e-9,
      );
      expect(
        Math.abs((sums.plsPredictions[s] as number) - (reference.firstPredictions[s] as number)),
      ).toBeLessThan(1e-9);
    });
  });

  it("is reproducible per seed, echoes its options and takes a plsPathModel result as the model", () => {
    const a = plsPredict(rows, MODEL, { folds: 5, repetitions: 2, seed: 9 });
    const b = plsPredict(rows, plsPathModel(rows, MODEL), { folds: 5, repetitions: 2, seed: 9 });
    const c = plsPredict(rows, MODEL, { folds: 5, repetitions: 2, seed: 10 });
    expect(a.indicators).toEqual(b.indicators);
    expect(a.indicators).not.toEqual(c.indicators);
    expect(a.options).toEqual({ folds: 5, repetitions: 2, seed: 9 });
    expect(a.indicators).toHaveLength(19);
    expect(a.predictions.CUSA1).toHaveLength(250);
    expect(a.plsBeatsLmCount).toBe(a.indicators.filter((i) => i.plsRmse < i.lmRmse).length);
  });

  it("gives the published ranges: positive Q²predict for every ECSI item and errors near the reference", () => {
    const result = plsPredict(rows, MODEL, { folds: 10, repetitions: 10, seed: 1 });
    for (const item of result.indicators) {
      // random folds: close to the fixed-fold R figures, not equal
      expect(Math.abs(item.plsRmse - (reference.plsRmse[item.indicator] as number))).toBeLessThan(0.1);
      expect(item.q2predict).toBeGreaterThan(-0.05);
    }
  });

  it("refuses bad options and impossible fold counts", () => {
    expect(() => plsPredict(rows, MODEL, { folds: 1 })).toThrowError(InvalidOptionsError);
    expect(() => plsPredict(rows, MODEL, { folds: 2.5 } as never)).toThrowError(InvalidOptionsError);
    expect(() => plsPredict(rows, MODEL, { fold: 3 } as never)).toThrowError(/fold/);
    expect(() => plsPredict(rows.slice(0, 8), MODEL, { folds: 9 })).toThrowError(InsufficientDataError);
  });
});

describe("plsPredict on synthetic data", () => {
  it("predicts a strongly determined endogenous block better than the mean (Q²predict near R²)", () => {
    const rows: Record<string, number>[] = [];
    let state = 12345;
    const uniform = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32 - 0.5;
    };
    for (let i = 0; i < 200; i++) {
      const x = uniform();
      const y = 0.9 * x + 0.2 * uniform();
      rows.push({
        x1: x + 0.1 * uniform(),
        x2: x + 0.1 * uniform(),
        y1: y + 0.1 * uniform(),
        y2: y + 0.1 * uniform(),
      });
    }
    const result = plsPredict(rows, {
      blocks: { X: ["x1", "x2"], Y: ["y1", "y2"] },
      paths: [{ from: "X", to: "Y" }],
    });
    for (const item of result.indicators) expect(item.q2predict).toBeGreaterThan(0.6);
  });
});

describe("plsPredict options", () => {
  it("says folds and repetitions are whole numbers with their least value", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ a: i % 5, b: (i * 7) % 3 }));
    const model = { blocks: { X: ["a"], Y: ["b"] }, paths: [{ from: "X", to: "Y" }] };
    const issuesOf = (options: unknown) =>
      optionsError(() => plsPredict(rows, model, options as never)).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(issuesOf({ folds: 1.5, repetitions: "2" })).toEqual([
      "folds: expected a whole number >= 2, received a number (received 1.5)",
      'repetitions: expected a whole number >= 1, received a string (received "2")',
    ]);
    expect(issuesOf({ folds: 1, repetitions: 0 })).toEqual([
      "folds: folds must be at least 2 (received 1)",
      "repetitions: repetitions must be at least 1 (received 0)",
    ]);
  });
});
