/**
 * The facts of the life-insurance MAN case (examples/man/README.md, case 1): the eight prospect
 * records of an agent, from the worked case of the personal-selling source material, encoded by us.
 * The source ranks the qualified prospects 1, 6, 3, 8; 2 is dropped, 4 and 7 nurtured, 5 deferred.
 * Used by examples/prospect-qualification.ts, examples/man/lifeInsurance.ts and the tests of
 * `qualifyProspects` (through fixtures/crm/man-prospects.ts).
 */
import type { ProspectRecord } from "clientele/crm";

/** A prospect of the case: the facts of the source, encoded by us. */
export interface AgentProspect extends ProspectRecord {
  readonly id: number;
  /** The descriptive facts, for printing. */
  readonly profile: string;
}

/**
 * The eight prospects. Encoding choices: income is annual own income in USD ("adequate" for a pension
 * of unstated amount, 0 for a student without income); dependants are the people the prospect
 * supports; a commission-based job is an unstable income; an expected first child is a life event;
 * authority is "shared" when the spouse co-decides, "none" for the student living with her parents.
 */
export const agentProspects: readonly AgentProspect[] = [
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
