/**
 * MAN qualification for one house and eight interested households (the `realEstate` preset).
 *
 * The house is described by facts (price, deposit, mortgage terms, what it has and lacks) and the
 * town's market by what any home there can offer. Money becomes affordability (savings against the
 * deposit, income against the mortgage instalment), Need becomes fit (must-haves, a house far bigger
 * or pricier than the need, requirements no home can meet) plus urgency (household size, life
 * events). The case and its expected verdicts are told in examples/man/README.md; its facts are in
 * cases/realEstate.ts.
 *
 * Run: npx tsx examples/man/realEstate.ts
 */
import { type QualifyProspectsOptions, qualifyProspects } from "clientele/crm";
import { elmStreetHouse, type Household, households, townMarket } from "./cases/realEstate.js";

const options: QualifyProspectsOptions<Household> = {
  preset: "realEstate",
  // 240 000, 20 % down, the rest a 25-year mortgage at 4.5 %; the instalment may take 33 % of
  // monthly income (the preset's share).
  offering: elmStreetHouse,
  // The town's market: no home has more than six bedrooms, none sells below 150 000.
  fit: { limits: townMarket },
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
