/**
 * The facts of the real-estate MAN case (examples/man/README.md, case 2), our own illustration: one
 * house for sale, the town's housing market, and eight households interested in the house. The
 * expected verdicts follow from these facts and the `realEstate` preset's rules; they are worked out
 * by hand in the README and in src/crm/qualifyProspectsOffering.test.ts, whose fixture
 * (fixtures/crm/man-real-estate.ts) reads this file.
 *
 * Encoding: income = the household's combined annual income; savings = what it can put down;
 * dependants = the people the buyer houses besides themself (partner, children, a parent);
 * authority "shared" when a couple decides together; requirements = must-haves.
 */
import type { Offering, ProspectRecord } from "clientele/crm";

/** The house: 240 000, 20 % down, the rest a 25-year mortgage at 4.5 %. */
export const elmStreetHouse: Offering = {
  name: "the Elm Street house",
  price: 240_000,
  depositShare: 0.2,
  loan: { annualRate: 0.045, years: 25 },
  provides: { bedrooms: 3, bathrooms: 2, sizeM2: 120, garden: true, nearSchool: true },
  lacks: ["garage", "groundFloorBedroom"],
};

/** The town's housing market, what any home there can offer: no more than 6 bedrooms, none below 150 000. */
export const townMarket = { bedrooms: { max: 6 }, price: { min: 150_000 } } as const;

/** A household of the case, with its story for printing. */
export interface Household extends ProspectRecord {
  readonly id: string;
  readonly story: string;
}

export const households: readonly Household[] = [
  {
    id: "Lee",
    story: "couple expecting their first child, renting a one-bedroom flat",
    income: 78_000,
    savings: 60_000,
    authority: "shared",
    dependants: 1,
    lifeEvents: ["expecting a child"],
    requirements: ["garden", { feature: "bedrooms", min: 2 }],
  },
  {
    id: "Okafor",
    story: "single parent of three, with a grandmother, moving for a new job in town",
    income: 96_000,
    savings: 72_000,
    authority: "full",
    dependants: 4,
    lifeEvents: ["new job in town"],
    requirements: [{ feature: "bedrooms", min: 3 }, "nearSchool"],
  },
  {
    id: "Novak",
    story: "two teachers with two children; their pay has not moved for years",
    income: 66_000,
    incomeTrend: "flat",
    savings: 50_000,
    authority: "shared",
    dependants: 3,
    requirements: [{ feature: "bedrooms", min: 3 }, "garden"],
  },
  {
    id: "Berg",
    story: "retired couple; one of them can no longer climb stairs",
    income: 42_000,
    savings: 300_000,
    authority: "full",
    dependants: 1,
    lifeEvents: ["retirement"],
    requirements: ["groundFloorBedroom", { feature: "bedrooms", min: 2 }],
  },
  {
    id: "Silva",
    story: "single consultant looking for a one-bedroom flat around 150 000",
    income: 160_000,
    savings: 250_000,
    authority: "full",
    dependants: 0,
    needStrength: "moderate",
    budget: 150_000,
    requirements: [{ feature: "bedrooms", min: 1 }],
  },
  {
    id: "Hansen",
    story: "couple with four children who want seven bedrooms and a pool",
    income: 120_000,
    savings: 100_000,
    authority: "shared",
    dependants: 5,
    requirements: [{ feature: "bedrooms", min: 7 }, "pool"],
  },
  {
    id: "Young",
    story: "newly-wed couple, just starting to save",
    income: 38_000,
    savings: 12_000,
    authority: "shared",
    dependants: 1,
    lifeEvents: ["marriage"],
    requirements: ["garden"],
  },
  {
    id: "Weber",
    story: "well-off couple, happy in their flat, came to the open house out of curiosity",
    income: 110_000,
    savings: 90_000,
    authority: "shared",
    dependants: 1,
    requirements: ["garden"],
  },
];
