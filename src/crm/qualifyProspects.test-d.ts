import { describe, expectTypeOf, it } from "vitest";
import { complaintSummary } from "./complaintSummary.js";
import type { OfferingPayments } from "./offering.js";
import { offeringPayments } from "./offeringPayments.js";
import {
  type ProspectAffordability,
  type ProspectChoice,
  type ProspectReasonCategory,
  type ProspectVerdict,
  qualifyProspects,
} from "./qualifyProspects.js";

describe("crm types", () => {
  it("qualifyProspects infers the record type for fields and vetoes", () => {
    const leads = [{ name: "x", budget: 5, role: "owner" }] as const;
    const result = qualifyProspects(leads, {
      fields: {
        id: "name",
        income: "budget",
        authority: (lead) => (lead.role === "owner" ? "full" : "none"),
      },
      vetoes: [{ verdict: "drop", test: (lead) => lead.budget < 0 && "negative budget" }],
    });
    expectTypeOf(result.prospects[0]!.verdict).toEqualTypeOf<ProspectVerdict>();
    expectTypeOf(result.prospects[0]!.money).toEqualTypeOf<number | null>();
    // @ts-expect-error: not a key of the record
    qualifyProspects(leads, { fields: { id: "nom" } });
  });

  it("qualifyProspects takes an offering by facts and returns choices, categories and affordability", () => {
    const result = qualifyProspects(
      [{ id: 1, income: 50_000, savings: 20_000, authority: "full", dependants: 2 }],
      {
        preset: "realEstate",
        offering: {
          price: 200_000,
          deposit: 20_000,
          loan: { annualRate: 0.04, years: 25 },
          provides: { bedrooms: 3 },
        },
        fit: { limits: { bedrooms: { max: 6 } } },
      },
    );
    expectTypeOf(result.prospects[0]!.choice).toEqualTypeOf<ProspectChoice | null>();
    expectTypeOf(result.prospects[0]!.category).toEqualTypeOf<ProspectReasonCategory | null>();
    expectTypeOf(result.prospects[0]!.affordability).toEqualTypeOf<ProspectAffordability | null>();
    expectTypeOf(offeringPayments({ price: 900 })).toEqualTypeOf<OfferingPayments>();
    // the old list of what we provide still type-checks
    qualifyProspects([], { offering: ["cloud", "sso"], minFit: 0.5 });
    // @ts-expect-error: an offering needs a price
    qualifyProspects([], { offering: { deposit: 5 } });
    // @ts-expect-error: not a preset
    qualifyProspects([], { preset: "cars" });
  });

  it("complaintSummary rates are number | null", () => {
    const summary = complaintSummary([{ category: "x", openedAt: "2024-01-01" }]);
    expectTypeOf(summary.firstContactResolution.value).toEqualTypeOf<number | null>();
  });
});
