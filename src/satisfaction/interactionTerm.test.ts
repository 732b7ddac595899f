import { describe, expect, it } from "vitest";
import {
  ECSI_BLOCKS,
  ECSI_PATHS,
  ECSI_REFERENCE_OPTIONS,
  readEcsiRows,
} from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset } from "../../test/datasets.js";
import { expectClose } from "../../test/expectClose.js";
import { InvalidOptionsError } from "../core/index.js";
import { interactionTerm } from "./interactionTerm.js";
import { plsPathModel } from "./plsPathModel.js";

/** The model as the R references estimate it (fully converged). */
const MODEL = ECSI_REFERENCE_OPTIONS;
const TERM = { predictor: "Image", moderator: "Expectation", target: "Satisfaction" } as const;

describeWithDataset(
  "ecsi_mobi.csv",
  "interactionTerm on the ECSI model (Image x Expectation -> Satisfaction)",
  () => {
    const rows = readEcsiRows();
    const reference = readGroupsPredictReference().builders;

    it("two-stage: the estimated model matches base R (product of stage-1 scores) to 1e-9", () => {
      const built = interactionTerm(rows, MODEL, TERM);
      expect(built.indicators).toEqual(["Image x Expectation"]);
      expect(built.model.paths.at(-1)).toEqual({ from: "Image x Expectation", to: "Satisfaction" });
      expect(built.options).toEqual({ ...TERM, approach: "twoStage", name: "Image x Expectation" });
      const fit = plsPathModel(built.rows, built.model);
      expectClose(
        fit.pathCoefficients.map((path) => path.estimate),
        reference.interactionTwoStage,
        1e-9,
      );
      // the input rows are untouched and the product column lies within the answer scale
      expect("Image x Expectation" in (rows[0] as object)).toBe(false);
      for (const row of built.rows) {
        const value = (row as Record<string, unknown>)["Image x Expectation"] as number;
        expect(value).toBeGreaterThanOrEqual(1);
        expect(value).toBeLessThanOrEqual(10);
      }
    });

    it("product indicators: 15 standardised item products, model matches base R to 1e-9", () => {
      const built = interactionTerm(rows, MODEL, { ...TERM, approach: "productIndicator", name: "IxE" });
      expect(built.indicators).toHaveLength(15);
      expect(built.indicators[0]).toBe("IMAG1*CUEX1");
      const fit = plsPathModel(built.rows, built.model);
      expectClose(
        fit.pathCoefficients.map((path) => path.estimate),
        reference.interactionProductIndicator,
        1e-9,
      );
      // the added columns stay within the answer scale, so the indexes keep their 1-10 basis
      expect(fit.scale).toEqual({ min: 1, max: 10 });
    });

    it("adds the moderator's main effect when the model lacks it, and keeps the observed range as the scale", () => {
      const paths = ECSI_PATHS.filter((p) => !(p.from === "Expectation" && p.to === "Satisfaction"));
      const built = interactionTerm(rows, { blocks: ECSI_BLOCKS, paths }, TERM);
      expect(built.model.paths).toContainEqual({ from: "Expectation", to: "Satisfaction" });
      expect(built.model.scale).toEqual({ min: 1, max: 10 });
    });

    it("refuses unknown constructs, a missing predictor path and a taken name", () => {
      expect(() => interactionTerm(rows, MODEL, { ...TERM, moderator: "Price" })).toThrowError(
        InvalidOptionsError,
      );
      expect(() => interactionTerm(rows, MODEL, { ...TERM, predictor: "Loyalty" })).toThrowError(
        /no path Loyalty/,
      );
      expect(() => interactionTerm(rows, MODEL, { ...TERM, name: "Value" })).toThrowError(
        /already has this name/,
      );
      expect(() => interactionTerm(rows, MODEL, { ...TERM, target: "Image" })).toThrowError(
        InvalidOptionsError,
      );
    });
  },
);

describe("interactionTerm", () => {
  it("gives null products where an answer is missing", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      x: (i * 7) % 10,
      m: (i * 3) % 7,
      y: ((i * 7) % 10) + ((i * 5) % 4),
      ...(i === 4 ? { m: null } : {}),
    }));
    const built = interactionTerm(
      rows,
      { blocks: { X: ["x"], M: ["m"], Y: ["y"] }, paths: [{ from: "X", to: "Y" }] },
      { predictor: "X", moderator: "M", target: "Y", approach: "productIndicator" },
    );
    expect(built.rows[4]?.["x*m"]).toBeNull();
    expect(typeof built.rows[5]?.["x*m"]).toBe("number");
  });

  it("reads decimal strings as numbers, names a non-numeric answer and an empty construct name", () => {
    const model = { blocks: { X: ["x"], M: ["m"], Y: ["y"] }, paths: [{ from: "X", to: "Y" }] };
    const rows = Array.from({ length: 30 }, (_, i) => ({
      x: String((i * 7) % 10),
      m: (i * 3) % 7,
      y: i % 4,
    }));
    const options = { predictor: "X", moderator: "M", target: "Y", approach: "productIndicator" } as const;
    const fromStrings = interactionTerm(rows, model, options);
    const fromNumbers = interactionTerm(
      rows.map((row) => ({ ...row, x: Number(row.x) })),
      model,
      options,
    );
    expect(fromStrings.rows.map((row) => row["x*m"])).toEqual(fromNumbers.rows.map((row) => row["x*m"]));
    expect(() =>
      interactionTerm(
        rows.map((row, i) => (i === 3 ? { ...row, x: "high" } : row)),
        model,
        options,
      ),
    ).toThrowError(/row 3, field "x": received "high"/);
    expect(() => interactionTerm(rows, model, { ...options, predictor: "" })).toThrowError(
      /predictor: must be a non-empty construct name/,
    );
  });
});
