/**
 * MAN qualification for life insurance (the `lifeInsurance` preset): eight prospect records of an
 * agent, judged on income, who decides, dependants and life events, with poor health as an
 * underwriting veto. The case and its expected verdicts are told in examples/man/README.md
 * (ranks 1, 6, 3, 8; 2 dropped, 4 and 7 nurtured, 5 deferred).
 *
 * Run: npx tsx examples/man/lifeInsurance.ts
 */
import { type ProspectRecord, qualifyProspects } from "clientele/crm";

interface Applicant extends ProspectRecord {
  readonly id: number;
  readonly profile: string;
}

// Income: annual own income in USD ("adequate" for a pension of unstated amount, 0 for a student);
// dependants: the people the prospect supports; a commission job is an unstable income.
const prospects: readonly Applicant[] = [
  {
    id: 1,
    profile: "M 25, married, steel-plant clerk",
    income: 40_000,
    authority: "full",
    dependants: 1,
    health: "good",
  },
  {
    id: 2,
    profile: "M 45, retired, two children at university",
    income: 15_000,
    authority: "full",
    dependants: 3,
    health: "poor",
  },
  {
    id: 3,
    profile: "M 28, car salesman, wife expecting their first child",
    income: 20_000,
    incomeStability: "unstable",
    authority: "full",
    dependants: 1,
    lifeEvents: ["expecting a child"],
    health: "good",
  },
  {
    id: 4,
    profile: "M 45, divorced general manager",
    income: 75_000,
    authority: "full",
    dependants: 0,
    health: "good",
  },
  {
    id: 5,
    profile: "F 19, student living with her parents",
    income: 0,
    authority: "none",
    dependants: 0,
    health: "good",
  },
  {
    id: 6,
    profile: "M 32, buyer, married, two children",
    income: 30_000,
    authority: "shared",
    dependants: 3,
    health: "good",
  },
  {
    id: 7,
    profile: "F 65, widowed retired professor",
    income: "adequate",
    authority: "full",
    dependants: 0,
    health: "good",
  },
  {
    id: 8,
    profile: "M 42, teacher, five dependants, heart patient",
    income: 19_000,
    authority: "full",
    dependants: 5,
    health: "fair",
  },
];

const result = qualifyProspects(prospects, { preset: "lifeInsurance" });
for (const verdict of result.prospects) {
  const prospect = prospects[verdict.index] as Applicant;
  const label = verdict.choice ?? verdict.category;
  console.log(`#${prospect.id} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(16)} ${prospect.profile}`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);
