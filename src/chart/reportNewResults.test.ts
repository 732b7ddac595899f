import { describe, expect, it } from "vitest";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { kaplanMeier } from "../churn/index.js";
import { qualifyProspects } from "../crm/index.js";
import { fitShiftedBetaGeometric } from "../value/index.js";
import { report } from "./report.js";

describe("report draws the newer results through chart()", () => {
  it("puts an SVG chart in the sections of an sBG fit, a Kaplan-Meier result and prospect verdicts", async () => {
    const sbg = fitShiftedBetaGeometric(reference.sbg.regular.survivors.slice(0, 8));
    const km = kaplanMeier(
      [1, 2, 3, 4, 5, 6].map((months, i) => ({ months, churned: i % 2 })),
      { time: "months", event: "churned" },
    );
    const prospects = qualifyProspects(
      [
        { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
        { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
      ] as never,
      { preset: "lifeInsurance" },
    );
    const html = await report([
      { title: "Contract retention", result: sbg },
      { title: "Tenure", result: km },
      { title: "Prospects", result: prospects },
    ]);
    const sections = html.split("<h2").slice(1);
    expect(sections).toHaveLength(3);
    for (const section of sections) expect(section).toContain("<svg");
    expect(html).toContain("Cohort survival and retention: observed vs sBG");
    expect(html).toContain("How long customers stay (Kaplan-Meier)");
    expect(html).toContain("Prospects by score and verdict");
  });
});
