import { describe, expectTypeOf, it } from "vitest";
import { bootstrap } from "./bootstrap.js";
import { kano } from "./kano.js";
import { loyaltyLevel } from "./loyaltyLevel.js";
import { netPromoterScore } from "./netPromoterScore.js";
import { plsPathModel } from "./plsPathModel.js";
import { type PlsSummaryPath, plsSummary } from "./plsSummary.js";
import { type SatisfactionState, satisfactionState } from "./satisfactionState.js";

describe("satisfaction types", () => {
  it("plsPathModel accepts typed records and returns named records of numbers", () => {
    interface Answer {
      readonly q1: number;
      readonly q2: number;
    }
    const rows: readonly Answer[] = [];
    const model = plsPathModel(rows, { blocks: { A: ["q1"], B: ["q2"] }, paths: [{ from: "A", to: "B" }] });
    expectTypeOf(model.rSquared).toEqualTypeOf<Readonly<Record<string, number>>>();
    expectTypeOf(model.scores).toEqualTypeOf<Readonly<Record<string, Float64Array>>>();
    expectTypeOf(bootstrap(model, rows).paths[0]?.standardError).toEqualTypeOf<number | undefined>();
    // @ts-expect-error scheme is a closed set
    plsPathModel(rows, { blocks: {}, paths: [], scheme: "pathway" });
  });

  it("the quality report's fields, options and summary are typed", () => {
    const rows: readonly { readonly q1: number; readonly q2: number }[] = [];
    const model = plsPathModel(rows, {
      blocks: { A: ["q1"], B: ["q2"] },
      paths: [{ from: "A", to: "B" }],
      consistent: true,
      fSquaredMethod: "reestimate",
    });
    expectTypeOf(model.htmt2).toEqualTypeOf<
      Readonly<Record<string, Readonly<Record<string, number | null>>>>
    >();
    expectTypeOf(model.outerVif).toEqualTypeOf<Readonly<Record<string, Readonly<Record<string, number>>>>>();
    expectTypeOf(model.innerVif).toEqualTypeOf<Readonly<Record<string, Readonly<Record<string, number>>>>>();
    expectTypeOf(model.crossLoadings).toEqualTypeOf<
      Readonly<Record<string, Readonly<Record<string, number>>>>
    >();
    expectTypeOf(model.options.consistent).toEqualTypeOf<boolean>();
    expectTypeOf(model.options.fSquaredMethod).toEqualTypeOf<"scores" | "reestimate">();
    const boot = bootstrap(model, rows);
    expectTypeOf(boot.htmt[0]?.upper).toEqualTypeOf<number | undefined>();
    expectTypeOf(boot.degenerateSamples.inadmissible).toBeNumber();
    expectTypeOf(plsSummary(model, { bootstrap: boot }).paths[0]).toEqualTypeOf<PlsSummaryPath | undefined>();
    // @ts-expect-error fSquaredMethod is a closed set
    plsPathModel(rows, { blocks: {}, paths: [], fSquaredMethod: "refit" });
  });

  it("survey helpers return their literal unions", () => {
    expectTypeOf(satisfactionState(1, 2)).toEqualTypeOf<SatisfactionState>();
    expectTypeOf(loyaltyLevel({ repurchases: 3 })).toEqualTypeOf<
      "none" | "cognitive" | "affective" | "conative" | "action"
    >();
    expectTypeOf(
      kano([{ attribute: "a", functional: "like", dysfunctional: "dislike" }]).attributes[0]?.better,
    ).toEqualTypeOf<number | null | undefined>();
    expectTypeOf(netPromoterScore([{ nps: 9 }], { field: "nps" }).score).toBeNumber();
  });
});
