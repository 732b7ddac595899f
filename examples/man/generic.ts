/**
 * MAN qualification from an analyst's scores (the `generic` preset): money and need as scores in
 * [0, 1] or words, authority full / shared / none, and a plain list of what we provide for the
 * product-fit check. An income amount where the preset expects a score is refused with an error
 * naming the row, instead of being read as a perfect score. See examples/man/README.md.
 *
 * Run: npx tsx examples/man/generic.ts
 */
import { type ProspectRecord, qualifyProspects } from "clientele/crm";

const leads: readonly ProspectRecord[] = [
  { id: "acme", income: "high", authority: "full", needStrength: "strong", requirements: ["cloud", "sso"] },
  { id: "bolt", income: 0.7, authority: "shared", needStrength: 0.9, requirements: ["cloud", "on-premise"] },
  { id: "core", income: "tight", authority: "full", needStrength: "strong" },
  { id: "dyne", income: 0.9, authority: 0.2, needStrength: "strong" },
  { id: "echo", income: 0.8, authority: "full", needStrength: "weak" },
];

const result = qualifyProspects(leads, { offering: ["cloud", "SSO", "api"] });
for (const verdict of result.prospects) {
  const label = verdict.choice ?? verdict.category;
  console.log(
    `${String(verdict.id).padEnd(5)} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(16)} ${verdict.reason}`,
  );
}
console.log(`ranking: ${result.ranking.join(", ")}`);

// An annual income of 15 000 is an amount, not a score: the generic preset refuses it.
try {
  qualifyProspects([{ id: "retiree", income: 15_000, authority: "full", needStrength: "strong" }]);
} catch (error) {
  console.log(`\n${(error as Error).name}: ${(error as Error).message}`);
}
