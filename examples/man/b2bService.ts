/**
 * MAN qualification for a B2B service (the `b2bService` preset): a managed-security contract of
 * 36 000 a year billed 3 000 a month, and six companies' contacts. `income` is each buyer's annual
 * budget for the line the contract is paid from; the fee may take half of it. Authority weighs
 * double (deals stall on who signs); trigger events (a compliance deadline, an incident) make the
 * need. The case and its expected verdicts are told in examples/man/README.md.
 *
 * Run: npx tsx examples/man/b2bService.ts
 */
import { type ProspectRecord, qualifyProspects } from "clientele/crm";

interface Account extends ProspectRecord {
  readonly id: string;
  readonly who: string;
}

const accounts: readonly Account[] = [
  {
    id: "Northwind",
    who: "CTO, security budget 120 000, audit due this quarter, 150+ staff",
    income: 120_000,
    authority: "full",
    lifeEvents: ["compliance deadline"],
    requirements: [{ feature: "seats", min: 150 }, "soc"],
  },
  {
    id: "Contoso",
    who: "IT manager, budget 90 000 under review, decides with the CFO, recent incident",
    income: 90_000,
    incomeStability: "unstable",
    authority: "shared",
    lifeEvents: ["incident"],
  },
  {
    id: "Fabrikam",
    who: "security analyst (no signing power), budget 200 000, compliance deadline",
    income: 200_000,
    authority: "none",
    lifeEvents: ["compliance deadline"],
  },
  {
    id: "Tailspin",
    who: "founder, budget 40 000, just raised a round",
    income: 40_000,
    authority: "full",
    lifeEvents: ["new funding"],
  },
  {
    id: "Litware",
    who: "CIO, budget 500 000, 20 staff, wants it strongly",
    income: 500_000,
    authority: "full",
    needStrength: "strong",
    requirements: [{ feature: "seats", min: 20 }],
  },
  {
    id: "Adatum",
    who: "COO, budget 150 000, needs an on-premise deployment",
    income: 150_000,
    authority: "full",
    lifeEvents: ["contract renewal due"],
    requirements: ["onPremise"],
  },
];

const result = qualifyProspects(accounts, {
  preset: "b2bService",
  offering: {
    name: "managed security",
    price: 36_000,
    monthlyInstalment: 3000,
    provides: { seats: 200, soc: true, cloud: true },
    lacks: ["onPremise"],
  },
});
for (const verdict of result.prospects) {
  const account = accounts[verdict.index] as Account;
  const label = verdict.choice ?? verdict.category;
  console.log(
    `${account.id.padEnd(10)} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(16)} ${account.who}`,
  );
  console.log(`           ${verdict.reason}`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);
