/**
 * Survival benchmarks: kaplanMeier (one curve per plan) and coxModel (Efron and Breslow ties, three numeric
 * features and a three-level plan) on 1M seeded customers with integer-day follow-up (so tied event times
 * are common), against R's survival package (`survfit`, `coxph`) on the same data when Rscript is
 * installed (Debian r-cran-survival). R is timed inside R (`system.time` around the fit, CSV reading
 * excluded). Run alone with `node --expose-gc --import tsx bench/single.ts survival`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coxModel, createRandom, kaplanMeier } from "clientele";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

const CUSTOMERS = 1_000_000;
const PLANS = ["basic", "plus", "premium"];

interface Customer {
  readonly tenureDays: number;
  readonly churned: 0 | 1;
  readonly age: number;
  readonly monthlyCharge: number;
  readonly supportCalls: number;
  readonly plan: string;
}

/** Customers from a known proportional-hazards model: exponential churn times, uniform censoring up to 2 years. */
function makeCustomers(n: number, seed: number): Customer[] {
  const random = createRandom(seed);
  const planEffect = [0, -0.3, -0.6];
  const customers: Customer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const age = random.normal(45, 12);
    const monthlyCharge = random.normal(60, 15);
    const supportCalls = random.poisson(1.5);
    const plan = random.integer(3);
    const eta =
      -0.01 * (age - 45) + 0.015 * (monthlyCharge - 60) + 0.2 * supportCalls + (planEffect[plan] as number);
    const churnDay = Math.ceil(random.exponential((1 / 400) * Math.exp(eta)));
    const censorDay = 1 + random.integer(730);
    customers[i] = {
      tenureDays: Math.min(churnDay, censorDay),
      churned: churnDay <= censorDay ? 1 : 0,
      age: Math.round(age * 10) / 10,
      monthlyCharge: Math.round(monthlyCharge * 100) / 100,
      supportCalls,
      plan: PLANS[plan] as string,
    };
  }
  return customers;
}

const R_SCRIPT = `
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$plan <- factor(d$plan)
best <- function(f) min(replicate(3, system.time(f())[["elapsed"]])) * 1000
km <- best(function() survfit(Surv(tenureDays, churned) ~ plan, data = d))
efron <- best(function() coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "efron"))
breslow <- best(function() coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "breslow"))
fit <- coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "efron")
cat(sprintf('{"km":%.3f,"efron":%.3f,"breslow":%.3f,"coef":[%s]}', km, efron, breslow, paste(sprintf("%.17g", coef(fit)), collapse = ",")))
`;

interface RResult {
  readonly km: number;
  readonly efron: number;
  readonly breslow: number;
  readonly coef: readonly number[];
}

function runR(customers: readonly Customer[]): RResult | string {
  const probe = spawnSync("Rscript", ["-e", "library(survival)"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return "Rscript with the survival package not found";
  const folder = mkdtempSync(join(tmpdir(), "clientele-survival-bench-"));
  try {
    const file = join(folder, "customers.csv");
    const lines = ["tenureDays,churned,age,monthlyCharge,supportCalls,plan"];
    for (const c of customers) {
      lines.push(`${c.tenureDays},${c.churned},${c.age},${c.monthlyCharge},${c.supportCalls},${c.plan}`);
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    const child = spawnSync("Rscript", ["-e", R_SCRIPT, file], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) return `R failed: ${child.stderr.slice(0, 300)}`;
    return JSON.parse(child.stdout) as RResult;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const customers = makeCustomers(CUSTOMERS, 21);
  const features = { numeric: ["age", "monthlyCharge", "supportCalls"], categorical: ["plan"] } as const;
  const km = await timeIt(
    () => kaplanMeier(customers, { time: "tenureDays", event: "churned", group: "plan" }),
    {
      repeat: 3,
    },
  );
  const efron = await timeIt(
    () => coxModel(customers, { time: "tenureDays", event: "churned", features, ties: "efron" }),
    { repeat: 3 },
  );
  const breslow = await timeIt(
    () => coxModel(customers, { time: "tenureDays", event: "churned", features, ties: "breslow" }),
    { repeat: 3 },
  );
  const memory = `peak RSS ${peakRssMb().toFixed(0)} MB`;
  const r = runR(customers);
  const peer = typeof r === "string" ? "" : "R survival";
  // R's coefficient order: age, monthlyCharge, supportCalls, planplus, planpremium (ours the same)
  const agreement =
    typeof r === "string"
      ? r
      : `max |β − β_R| ${Math.max(...efron.result.coefficients.map((c, j) => Math.abs(c.estimate - (r.coef[j] as number)))).toExponential(1)}`;
  const events = efron.result.events;
  return [
    {
      case: `kaplanMeier 1M customers, 3 groups`,
      clienteleMs: km.ms,
      peer: peer && "R survfit",
      peerMs: typeof r === "string" ? Number.NaN : r.km,
      note: `${km.result.curves.reduce((s, c) => s + c.time.length, 0)} curve points; ${memory}`,
    },
    {
      case: `coxModel efron 1M customers (${events} events), 5 terms`,
      clienteleMs: efron.ms,
      peer: peer && "R coxph",
      peerMs: typeof r === "string" ? Number.NaN : r.efron,
      note: `${efron.result.convergence.iterations} iterations; ${agreement}; times include concordance and baseline`,
    },
    {
      case: "coxModel breslow 1M customers, 5 terms",
      clienteleMs: breslow.ms,
      peer: peer && "R coxph",
      peerMs: typeof r === "string" ? Number.NaN : r.breslow,
      note: "R's coxph computes its concordance too",
    },
  ];
}
