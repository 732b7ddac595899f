/**
 * MAN qualification for one house and eight interested households (the `realEstate` preset).
 *
 * The house is described by facts (price, deposit, mortgage terms, what it has and lacks) and the
 * town's market by what any home there can offer. Money becomes affordability (savings against the
 * deposit, income against the mortgage instalment), Need becomes fit (must-haves, a house far bigger
 * or pricier than the need, requirements no home can meet) plus urgency (household size, life
 * events). The case and its expected verdicts are told in examples/man/README.md.
 *
 * Run: npx tsx examples/man/realEstate.ts
 */
import { type ProspectRecord, type QualifyProspectsOptions, qualifyProspects } from "clientele/crm";

interface Household extends ProspectRecord {
  readonly id: string;
  readonly story: string;
}

const households: readonly Household[] = [
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

const options: QualifyProspectsOptions<Household> = {
  preset: "realEstate",
  // 240 000, 20 % down, the rest a 25-year mortgage at 4.5 %; the instalment may take 33 % of
  // monthly income (the preset's share).
  offering: {
    name: "the Elm Street house",
    price: 240_000,
    depositShare: 0.2,
    loan: { annualRate: 0.045, years: 25 },
    provides: { bedrooms: 3, bathrooms: 2, sizeM2: 120, garden: true, nearSchool: true },
    lacks: ["garage", "groundFloorBedroom"],
  },
  // The town's market: no home has more than six bedrooms, none sells below 150 000.
  fit: { limits: { bedrooms: { max: 6 }, price: { min: 150_000 } } },
};

const result = qualifyProspects(households, options);
const instalment = result.prospects[0]?.affordability?.monthlyInstalment ?? 0;
console.log(
  `The Elm Street house: 240,000, 48,000 down, mortgage instalment ${instalment.toFixed(2)} a month\n`,
);
for (const verdict of result.prospects) {
  const household = households[verdict.index] as Household;
  const label = verdict.choice ?? verdict.category;
  console.log(
    `${household.id.padEnd(7)} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(19)} ${household.story}`,
  );
  console.log(`        ${verdict.reason}\n`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);
