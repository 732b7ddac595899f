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
# median elapsed and CPU (user + system) milliseconds over 3 runs
timed <- function(f) {
  t <- replicate(3, { s <- system.time(f()); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) })
  c(median(t[1, ]), median(t[2, ])) * 1000
}
km <- timed(function() survfit(Surv(tenureDays, churned) ~ plan, data = d))
efron <- timed(function() coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "efron"))
breslow <- timed(function() coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "breslow"))
fit <- coxph(Surv(tenureDays, churned) ~ age + monthlyCharge + supportCalls + plan, data = d, ties = "efron")
cat(sprintf('{"km":[%.3f,%.3f],"efron":[%.3f,%.3f],"breslow":[%.3f,%.3f],"coef":[%s]}', km[1], km[2], efron[1], efron[2],
  breslow[1], breslow[2], paste(sprintf("%.17g", coef(fit)), collapse = ",")))
`;

/** [median wall ms, median CPU ms] per case. */
interface RResult {
  readonly km: readonly [number, number];
  readonly efron: readonly [number, number];
  readonly breslow: readonly [number, number];
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

/** Median wall time (timeIt) and mean CPU time (user + system) per run of `fn`, in ms. */
async function timeWithCpu<R>(fn: () => R): Promise<{ ms: number; cpuMs: number; result: R }> {
  const start = process.cpuUsage();
  const timed = await timeIt(fn, { repeat: 3, warmup: 1 });
  const used = process.cpuUsage(start);
  return { ...timed, cpuMs: (used.user + used.system) / 1000 / 4 };
}

export async function run(): Promise<BenchRow[]> {
  const customers = makeCustomers(CUSTOMERS, 21);
  const fields = { numeric: ["age", "monthlyCharge", "supportCalls"], categorical: ["plan"] } as const;
  const km = await timeWithCpu(() =>
    kaplanMeier(customers, { time: "tenureDays", event: "churned", group: "plan" }),
  );
  const efron = await timeWithCpu(() =>
    coxModel(customers, { time: "tenureDays", event: "churned", fields, ties: "efron" }),
  );
  const breslow = await timeWithCpu(() =>
    coxModel(customers, { time: "tenureDays", event: "churned", fields, ties: "breslow" }),
  );
  const memory = `peak RSS ${peakRssMb().toFixed(0)} MB`;
  const r = runR(customers);
  const cpu = (ours: number, theirs: readonly [number, number] | undefined) =>
    `CPU ${ours.toFixed(0)} ms${theirs === undefined ? "" : ` vs R ${theirs[1].toFixed(0)} ms`}`;
  // R's coefficient order: age, monthlyCharge, supportCalls, planplus, planpremium (ours the same)
  const agreement =
    typeof r === "string"
      ? r
      : `max |β − β_R| ${Math.max(...efron.result.coefficients.map((c, j) => Math.abs(c.estimate - (r.coef[j] as number)))).toExponential(1)}`;
  const rr = typeof r === "string" ? undefined : r;
  return [
    {
      case: "kaplanMeier 1M customers, 3 groups",
      clienteleMs: km.ms,
      peer: rr === undefined ? "" : "R survfit",
      peerMs: rr?.km[0] ?? Number.NaN,
      note: `${cpu(km.cpuMs, rr?.km)}; ${km.result.curves.reduce((s, c) => s + c.time.length, 0)} curve points; ${memory}`,
    },
    {
      case: `coxModel efron 1M customers (${efron.result.events} events), 5 terms`,
      clienteleMs: efron.ms,
      peer: rr === undefined ? "" : "R coxph",
      peerMs: rr?.efron[0] ?? Number.NaN,
      note: `${cpu(efron.cpuMs, rr?.efron)}; ${efron.result.convergence.iterations} iterations; ${agreement}; includes concordance and baseline (R's coxph computes its concordance too)`,
    },
    {
      case: "coxModel breslow 1M customers, 5 terms",
      clienteleMs: breslow.ms,
      peer: rr === undefined ? "" : "R coxph",
      peerMs: rr?.breslow[0] ?? Number.NaN,
      note: cpu(breslow.cpuMs, rr?.breslow),
    },
  ];
}
