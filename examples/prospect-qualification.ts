/**
 * MAN prospect qualification — the worked life-insurance case.
 *
 * A life-insurance agent holds eight prospect records. Each is judged on Money
 * (can they pay?), Authority (do they decide?) and Need (do they need it now?);
 * poor health is an underwriting risk that rules a prospect out. The source
 * material ranks the qualified prospects 1, 6, 3, 8 and nurtures, defers or
 * drops the others; the `lifeInsurance` preset reproduces that outcome from
 * general rules (nothing here is keyed on a prospect number). The case is told in
 * examples/man/README.md, with cases for a house, a B2B service and a washing machine
 * (one script per preset in examples/man/).
 *
 * Run: npx tsx examples/prospect-qualification.ts
 */
import { contactPolicy, type ProspectRecord, qualifyProspects } from "clientele/crm";

/** A prospect of the case: the facts of the source, encoded by us. */
interface AgentProspect extends ProspectRecord {
  readonly id: number;
  /** The descriptive facts, for printing. */
  readonly profile: string;
}

// Encoding choices: income is annual own income in USD ("adequate" for a pension of
// unstated amount, 0 for a student without income); dependants are the people the
// prospect supports; a commission-based job is an unstable income; an expected first
// child is a life event; authority is "shared" when the spouse co-decides.
const prospects: readonly AgentProspect[] = [
  {
    id: 1,
    profile: "M 25, married, supports wife, college, steel-plant clerk, good health, house",
    income: 40_000,
    incomeStability: "stable",
    authority: "full",
    dependants: 1,
    lifeEvents: [],
    health: "good",
  },
  {
    id: 2,
    profile: "M 45, married, two children at university, retired, poor health, house",
    income: 15_000,
    incomeStability: "stable",
    authority: "full",
    dependants: 3,
    lifeEvents: [],
    health: "poor",
  },
  {
    id: 3,
    profile: "M 28, married, wife expecting first child, high school, car salesman, apartment",
    income: 20_000,
    incomeStability: "unstable",
    authority: "full",
    dependants: 1,
    lifeEvents: ["expecting a child"],
    health: "good",
  },
  {
    id: 4,
    profile: "M 45, divorced, no dependants, university, finance-company general manager",
    income: 75_000,
    incomeStability: "stable",
    authority: "full",
    dependants: 0,
    lifeEvents: [],
    health: "good",
  },
  {
    id: 5,
    profile: "F 19, single, lives with parents, full-time student, no own income",
    income: 0,
    authority: "none",
    dependants: 0,
    lifeEvents: [],
    health: "good",
  },
  {
    id: 6,
    profile: "M 32, married, two children, college, department-store buyer, own house",
    income: 30_000,
    incomeStability: "stable",
    authority: "shared",
    dependants: 3,
    lifeEvents: [],
    health: "good",
  },
  {
    id: 7,
    profile: "F 65, widowed, no dependants, doctorate, retired professor on a pension",
    income: "adequate",
    incomeStability: "stable",
    authority: "full",
    dependants: 0,
    lifeEvents: [],
    health: "good",
  },
  {
    id: 8,
    profile: "M 42, married, five dependants, university, high-school teacher, recovered heart patient",
    income: 19_000,
    incomeStability: "stable",
    authority: "full",
    dependants: 5,
    lifeEvents: [],
    health: "fair",
  },
];

const result = qualifyProspects(prospects, { preset: "lifeInsurance" });

console.log("MAN qualification of the agent's eight prospects (life-insurance rules)\n");
for (const verdict of result.prospects) {
  const prospect = prospects[verdict.index] as AgentProspect;
  console.log(`#${prospect.id} ${prospect.profile}`);
  console.log(`   ${verdict.reason}${verdict.category === null ? "" : ` [${verdict.category}]`}\n`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);

// Contact discipline: an average deal takes about 12 contacts; past that, park the prospect.
const history = [
  ...Array.from({ length: 12 }, () => ({ prospectId: "4", deal: false })),
  ...Array.from({ length: 5 }, () => ({ prospectId: "1", deal: false })),
  { prospectId: "1", deal: true },
  ...Array.from({ length: 7 }, () => ({ prospectId: "6", deal: false })),
];
console.log("\nContact policy (park after 12 contacts without a deal):");
for (const row of contactPolicy(history).prospects) {
  console.log(
    `  prospect ${row.prospectId}: ${row.contacts} contacts, ${row.status}` +
      (row.status === "active" ? ` (${row.remainingContacts} contacts left)` : ""),
  );
}
