/**
 * MAN qualification for life insurance (the `lifeInsurance` preset): eight prospect records of an
 * agent, judged on income, who decides, dependants and life events, with poor health as an
 * underwriting veto. The case and its expected verdicts are told in examples/man/README.md
 * (ranks 1, 6, 3, 8; 2 dropped, 4 and 7 nurtured, 5 deferred); the records are in cases/lifeInsurance.ts.
 *
 * Run: npx tsx examples/man/lifeInsurance.ts
 */
import { qualifyProspects } from "clientele/crm";
import { type AgentProspect, agentProspects as prospects } from "./cases/lifeInsurance.js";

const result = qualifyProspects(prospects, { preset: "lifeInsurance" });
for (const verdict of result.prospects) {
  const prospect = prospects[verdict.index] as AgentProspect;
  const label = verdict.choice ?? verdict.category;
  console.log(`#${prospect.id} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(16)} ${prospect.profile}`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);
