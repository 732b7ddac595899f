/**
 * MAN qualification for a consumer durable (the `consumerDurable` preset): a 9 kg washing machine
 * at 900, or 40 a month in the shop's instalment plan, and five households. The instalment may take
 * 10 % of monthly income; a broken appliance or a move makes the need urgent. The case and its
 * expected verdicts are told in examples/man/README.md.
 *
 * Run: npx tsx examples/man/consumerDurable.ts
 */
import { type ProspectRecord, qualifyProspects } from "clientele/crm";

interface Shopper extends ProspectRecord {
  readonly id: string;
  readonly who: string;
}

const shoppers: readonly Shopper[] = [
  {
    id: "Garcia",
    who: "family of four (parents decide together), old washer broke",
    income: 30_000,
    authority: "shared",
    dependants: 3,
    lifeEvents: ["appliance broke"],
  },
  {
    id: "Kim",
    who: "couple who just moved into a flat without a washer",
    income: 45_000,
    authority: "full",
    dependants: 1,
    lifeEvents: ["moved house"],
  },
  {
    id: "Ito",
    who: "single person, wants a small 5 kg machine",
    income: 35_000,
    authority: "full",
    dependants: 0,
    needStrength: "strong",
    requirements: [{ feature: "capacityKg", min: 5 }],
  },
  {
    id: "Brown",
    who: "student, washer in the shared house broke",
    income: 4_000,
    authority: "full",
    dependants: 0,
    lifeEvents: ["appliance broke"],
  },
  {
    id: "Moreau",
    who: "comfortable couple, their washer works fine",
    income: 70_000,
    authority: "full",
    dependants: 1,
  },
];

const result = qualifyProspects(shoppers, {
  preset: "consumerDurable",
  offering: { name: "9 kg washer", price: 900, monthlyInstalment: 40, provides: { capacityKg: 9 } },
});
for (const verdict of result.prospects) {
  const shopper = shoppers[verdict.index] as Shopper;
  const label = verdict.choice ?? verdict.category;
  console.log(
    `${shopper.id.padEnd(7)} ${verdict.verdict.padEnd(9)} ${String(label).padEnd(16)} ${shopper.who}`,
  );
  console.log(`        ${verdict.reason}`);
}
console.log(`ranking: ${result.ranking.join(", ")}`);
