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
 * (one script per preset in examples/man/). The eight records are in examples/man/cases/lifeInsurance.ts.
 *
 * Run: npx tsx examples/prospect-qualification.ts
 */
import { contactPolicy, qualifyProspects } from "clientele/crm";
import { type AgentProspect, agentProspects as prospects } from "./man/cases/lifeInsurance.js";

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
