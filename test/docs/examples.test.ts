/**
 * Every TSDoc `@example` of an exported symbol under src/ runs as a test: the
 * block runs on its own (the names it uses from its module, from the root
 * `clientele` or from core are imported for it, as a reader of the API page
 * would), and each statement with a documented output (`// => value`,
 * printed REPL text, `// SomeError: message`) is checked against what it
 * gives, as the README's blocks are (test/docs/readme.test.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as context from "./exampleContext.js";
import { exampleOutcomeMismatch } from "./exampleOutputs.js";
import { type TsdocExample, tsdocExamples } from "./examples.js";
import { type SnippetStep, snippetModule, snippetSteps } from "./snippets.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Examples that do not run yet, by key (`file#symbol`, `#2` for a symbol's
 * second example), with the reason. Remove an entry once its example runs:
 * a listed example that passes is reported (a warning naming it), not failed, as
 * other work was still changing these modules when the list was made.
 */
const SKIPPED: Readonly<Record<string, string>> = {
  "src/basket/associationRules.ts#associationRules": "module being edited this session",
  "src/basket/frequentItemsets.ts#FrequentItemsetsOptions": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendNextOptions": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendNextResult": "module being edited this session",
  "src/basket/recommendNext.ts#RecommendedNextItem": "module being edited this session",
  "src/basket/recommendNext.ts#recommendNext": "module being edited this session",
  "src/basket/sequentialPatterns.ts#SequentialPattern": "module being edited this session",
  "src/basket/sequentialPatterns.ts#SequentialPatternsResult": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRule": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRulesOptions": "module being edited this session",
  "src/basket/sequentialRules.ts#SequentialRulesResult": "module being edited this session",
  "src/basket/significantRules.ts#SignificantRule": "module being edited this session",
  "src/basket/streamItemsets.ts#streamItemsets": "module being edited this session",
  "src/chart/bgbbProbabilityAliveChart.ts#BgbbProbabilityAliveCell":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#BgbbProbabilityAliveChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#bgbbProbabilityAliveCells":
    "a fragment: uses `model`, which it does not define",
  "src/chart/bgbbProbabilityAliveChart.ts#bgbbProbabilityAliveChart":
    "a fragment: uses `donations`, which it does not define",
  "src/chart/calibrationCurveChart.ts#calibrationCurveChart":
    "a fragment: uses `model`, which it does not define",
  "src/chart/chooseKChart.ts#ChooseKPoint": "a fragment: uses `customers`, which it does not define",
  "src/chart/chooseKChart.ts#chooseKChart": "a fragment: uses `customers`, which it does not define",
  "src/chart/chooseKChart.ts#chooseKPoints": "a fragment: uses `customers`, which it does not define",
  "src/chart/coefficientChart.ts#CoefficientRow": "a fragment: uses `model`, which it does not define",
  "src/chart/coefficientChart.ts#coefficientChart": "a fragment: uses `rows`, which it does not define",
  "src/chart/coefficientChart.ts#coefficientRows": "a fragment: uses `rows`, which it does not define",
  "src/chart/cohortRetentionChart.ts#CohortRetentionCell":
    "a fragment: uses `orders`, which it does not define",
  "src/chart/cohortRetentionChart.ts#cohortRetentionCells":
    "a fragment: uses `result`, which it does not define",
  "src/chart/cohortRetentionChart.ts#cohortRetentionChart":
    "a fragment: uses `orders`, which it does not define",
  "src/chart/complaintParetoChart.ts#ComplaintParetoBar":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/complaintParetoChart.ts#complaintParetoBars":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/complaintParetoChart.ts#complaintParetoChart":
    "a fragment: uses `complaints`, which it does not define",
  "src/chart/evaluationChart.ts#evaluationChart": "a fragment: uses `model`, which it does not define",
  "src/chart/expectedPurchasesChart.ts#ExpectedPurchasesChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/expectedPurchasesChart.ts#expectedPurchasesChart":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/gainsChart.ts#gainsChart": "a fragment: uses `model`, which it does not define",
  "src/chart/groupedMatrixChart.ts#GroupedMatrixCell": "not valid TypeScript as written (elided code)",
  "src/chart/groupedMatrixChart.ts#GroupedMatrixChartOptions":
    "a fragment: uses `rules`, which it does not define",
  "src/chart/groupedMatrixChart.ts#groupedMatrixCells": "a fragment: uses `rules`, which it does not define",
  "src/chart/groupedMatrixChart.ts#groupedMatrixChart":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/htmtChart.ts#HtmtCell": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#HtmtChartOptions": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#htmtCells": "a fragment: uses `model`, which it does not define",
  "src/chart/htmtChart.ts#htmtChart": "a fragment: uses `surveys`, which it does not define",
  "src/chart/importancePerformanceChart.ts#importancePerformanceChart":
    "a fragment: uses `surveys`, which it does not define",
  "src/chart/inactivityChart.ts#inactivityChart": "a fragment: uses `orders`, which it does not define",
  "src/chart/itemFrequencyChart.ts#ItemFrequencyChartOptions":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/itemFrequencyChart.ts#itemFrequencyChart":
    "a fragment: uses `baskets`, which it does not define",
  "src/chart/kanoChart.ts#kanoChart": "a fragment: uses `answers`, which it does not define",
  "src/chart/kaplanMeierChart.ts#kaplanMeierChart": "a fragment: uses `customers`, which it does not define",
  "src/chart/kaplanMeierChart.ts#kaplanMeierSteps": "a fragment: uses `result`, which it does not define",
  "src/chart/lifetimeParameterChart.ts#lifetimeParameterChart":
    'line 110: value.subtitle: documented "...", got [',
  "src/chart/lifetimeParameterChart.ts#lifetimeParameterRows":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/liftChart.ts#liftChart": "a fragment: uses `model`, which it does not define",
  "src/chart/micomChart.ts#MicomRow": "a fragment: uses `halves`, which it does not define",
  "src/chart/micomChart.ts#micomChart": "a fragment: uses `halves`, which it does not define",
  "src/chart/micomChart.ts#micomRows": "a fragment: uses `result`, which it does not define",
  "src/chart/plsMultigroupChart.ts#PlsMultigroupRow": "a fragment: uses `surveys`, which it does not define",
  "src/chart/plsMultigroupChart.ts#plsMultigroupChart":
    "a fragment: uses `surveys`, which it does not define",
  "src/chart/plsMultigroupChart.ts#plsMultigroupRows": "a fragment: uses `result`, which it does not define",
  "src/chart/plsPathChart.ts#PlsPathDiagram": "a fragment: uses `model`, which it does not define",
  "src/chart/plsPathChart.ts#plsPathChart": "a fragment: uses `surveys`, which it does not define",
  "src/chart/plsPathChart.ts#plsPathDiagram": "a fragment: uses `surveys`, which it does not define",
  "src/chart/plsPredictChart.ts#PlsPredictBar": "a fragment: uses `surveys`, which it does not define",
  "src/chart/plsPredictChart.ts#PlsPredictChartOptions":
    "a fragment: uses `prediction`, which it does not define",
  "src/chart/plsPredictChart.ts#plsPredictBars": "a fragment: uses `prediction`, which it does not define",
  "src/chart/plsPredictChart.ts#plsPredictChart": "a fragment: uses `surveys`, which it does not define",
  "src/chart/probabilityAliveChart.ts#FrequencyRecencyChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/probabilityAliveChart.ts#probabilityAliveChart":
    "a fragment: uses `orders`, which it does not define",
  "src/chart/prospectChart.ts#ProspectBar": "a fragment: uses `prospects`, which it does not define",
  "src/chart/prospectChart.ts#prospectBars": "a fragment: uses `result`, which it does not define",
  "src/chart/prospectChart.ts#prospectChart": "a fragment: uses `prospects`, which it does not define",
  "src/chart/repeatPurchasesChart.ts#RepeatPurchasesBar":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/repeatPurchasesChart.ts#RepeatPurchasesChartOptions":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/repeatPurchasesChart.ts#repeatPurchasesBars":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/repeatPurchasesChart.ts#repeatPurchasesChart":
    "a fragment: uses `summary`, which it does not define",
  "src/chart/report.ts#ReportChart": "a fragment: uses `spend`, which it does not define",
  "src/chart/report.ts#ReportSection": "a fragment: uses `revenueByCustomer`, which it does not define",
  "src/chart/report.ts#report": "a fragment: uses `orderLines`, which it does not define",
  "src/chart/retentionCurveChart.ts#RetentionCurveChartOptions":
    "a fragment: uses `model`, which it does not define",
  "src/chart/retentionCurveChart.ts#RetentionCurvePoint":
    "a fragment: uses `model`, which it does not define",
  "src/chart/retentionCurveChart.ts#retentionCurveChart":
    'line 136: value.subtitle: documented "...", got \'γ = 0.704, δ = 1.182; fitted on 7 periods of 1,000 ',
  "src/chart/retentionCurveChart.ts#retentionCurvePoints":
    "a fragment: uses `model`, which it does not define",
  "src/chart/rfmHeatmapChart.ts#RfmHeatmapCell": "a fragment: uses `table`, which it does not define",
  "src/chart/rfmHeatmapChart.ts#rfmHeatmapCells": "a fragment: uses `table`, which it does not define",
  "src/chart/rfmHeatmapChart.ts#rfmHeatmapChart": "a fragment: uses `orderLines`, which it does not define",
  "src/chart/ruleGraphChart.ts#RuleGraph": "a fragment: uses `rules`, which it does not define",
  "src/chart/ruleGraphChart.ts#RuleGraphChartOptions": "a fragment: uses `rules`, which it does not define",
  "src/chart/ruleGraphChart.ts#ruleGraph": "not valid TypeScript as written (elided code)",
  "src/chart/ruleGraphChart.ts#ruleGraphChart": "a fragment: uses `baskets`, which it does not define",
  "src/chart/rulesScatterChart.ts#RulesScatterChartOptions":
    "a fragment: uses `rules`, which it does not define",
  "src/chart/rulesScatterChart.ts#RulesScatterPoint": "a fragment: uses `rules`, which it does not define",
  "src/chart/rulesScatterChart.ts#rulesScatterChart": "a fragment: uses `baskets`, which it does not define",
  "src/chart/rulesScatterChart.ts#rulesScatterPoints": "a fragment: uses `rules`, which it does not define",
  "src/chart/segmentProfileChart.ts#SegmentProfileCell":
    "a fragment: uses `profiles`, which it does not define",
  "src/chart/segmentProfileChart.ts#segmentProfileCells":
    "a fragment: uses `profiles`, which it does not define",
  "src/chart/segmentProfileChart.ts#segmentProfileChart":
    "a fragment: uses `customers`, which it does not define",
  "src/chart/segmentSharesChart.ts#SegmentShare": "a fragment: uses `table`, which it does not define",
  "src/chart/segmentSharesChart.ts#segmentShares": "a fragment: uses `customers`, which it does not define",
  "src/chart/segmentSharesChart.ts#segmentSharesChart": "a fragment: uses `table`, which it does not define",
  "src/chart/serviceKpiChart.ts#ServiceKpiBullet": "a fragment: uses `deliveries`, which it does not define",
  "src/chart/serviceKpiChart.ts#ServiceKpiChartOptions":
    "a fragment: uses `deliveries`, which it does not define",
  "src/chart/serviceKpiChart.ts#serviceKpiBullets": "a fragment: uses `result`, which it does not define",
  "src/chart/serviceKpiChart.ts#serviceKpiChart": "a fragment: uses `deliveries`, which it does not define",
  "src/chart/trackingChart.ts#TrackingChartOptions": "a fragment: uses `split`, which it does not define",
  "src/chart/trackingChart.ts#TrackingPoint": "a fragment: uses `split`, which it does not define",
  "src/chart/trackingChart.ts#trackingChart": "a fragment: uses `orders`, which it does not define",
  "src/chart/trackingChart.ts#trackingPoints": "a fragment: uses `split`, which it does not define",
  "src/churn/calibrateChurnModel.ts#calibrateChurnModel": "module being edited this session",
  "src/churn/churnScoresFromBgNbd.ts#churnScoresFromBgNbd": "module being edited this session",
  "src/churn/coxModel.ts#coxModel": "module being edited this session",
  "src/churn/evaluateChurnModel.ts#evaluateChurnModel": "module being edited this session",
  "src/churn/inactivityRisk.ts#inactivityRisk": "module being edited this session",
  "src/churn/inactivityRisk.ts#inactivityRiskResult": "module being edited this session",
  "src/churn/kaplanMeier.ts#kaplanMeier": "module being edited this session",
  "src/churn/logRankTest.ts#logRankTest": "module being edited this session",
  "src/churn/restoreChurnModel.ts#restoreChurnModel": "module being edited this session",
  "src/churn/trainChurnModel.ts#trainChurnModel": "module being edited this session",
  "src/churn/trainTestSplit.ts#trainTestSplit": "module being edited this session",
  "src/duckdb/DuckDBSource.ts#DuckDBSource": "module being edited this session",
  "src/duckdb/calibrationHoldoutSummary.ts#calibrationHoldoutSummary": "module being edited this session",
  "src/duckdb/cohortRetention.ts#cohortRetention": "module being edited this session",
  "src/duckdb/configureDuckDB.ts#configureDuckDB": "module being edited this session",
  "src/duckdb/inactivityRisk.ts#inactivityRisk": "module being edited this session",
  "src/duckdb/repeatPurchaseSummary.ts#repeatPurchaseSummary": "module being edited this session",
  "src/duckdb/rfmTable.ts#rfmTable": "module being edited this session",
  "src/duckdb/transactionsFrom.ts#transactionsFrom": "module being edited this session",
  "src/satisfaction/bootstrap.ts#BootstrapEstimate":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/bootstrap.ts#BootstrapHtmtEstimate":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/bootstrap.ts#BootstrapOptions":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/bootstrap.ts#BootstrapResult":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/bootstrap.ts#bootstrap":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/higherOrderConstruct.ts#HigherOrderConstructOptions":
    "file being edited this session; a fragment: uses `PERCEPTION_MODEL`, which it does not define",
  "src/satisfaction/higherOrderConstruct.ts#HigherOrderConstructResult":
    "file being edited this session; a fragment: uses `PERCEPTION_MODEL`, which it does not define",
  "src/satisfaction/importancePerformance.ts#ImportancePerformanceEntry":
    "a fragment: uses `model`, which it does not define",
  "src/satisfaction/importancePerformance.ts#ImportancePerformanceResult":
    "a fragment: uses `model`, which it does not define",
  "src/satisfaction/importancePerformance.ts#importancePerformance":
    "a fragment: uses `model`, which it does not define",
  "src/satisfaction/micom.ts#MicomConstruct":
    'file being edited this session; line 49: the statement threw InvalidRecordError: micom: row 0, field "half": received undefined; exp',
  "src/satisfaction/micom.ts#MicomOptions":
    'file being edited this session; line 25: the statement threw InvalidRecordError: micom: row 0, field "half": received undefined; exp',
  "src/satisfaction/micom.ts#MicomResult":
    'file being edited this session; it throws InvalidRecordError: micom: row 0, field "half": received undefined; expected a non-empty s',
  "src/satisfaction/micom.ts#micom":
    "file being edited this session; line 168: the documented output does not parse: documented value: expected the end",
  "src/satisfaction/plsMultigroup.ts#PlsMultigroupOptions":
    "file being edited this session; a fragment: uses `halves`, which it does not define",
  "src/satisfaction/plsMultigroup.ts#PlsMultigroupPath":
    "file being edited this session; a fragment: uses `halves`, which it does not define",
  "src/satisfaction/plsMultigroup.ts#PlsMultigroupResult":
    "file being edited this session; a fragment: uses `halves`, which it does not define",
  "src/satisfaction/plsPathModel.ts#PlsPathModelCoefficient":
    "a fragment: uses `model`, which it does not define",
  "src/satisfaction/plsPathModel.ts#PlsPathModelReliability":
    "a fragment: uses `model`, which it does not define",
  "src/satisfaction/plsPathModel.ts#PlsPathModelResult": "a fragment: uses `model`, which it does not define",
  "src/satisfaction/plsSummary.ts#PlsSummaryOptions":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/plsSummary.ts#PlsSummaryPath":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/satisfaction/plsSummary.ts#PlsSummaryResult":
    "file being edited this session; a fragment: uses `model`, which it does not define",
  "src/segment/segmentStability.ts#SegmentStabilityResult":
    "a fragment: uses `customers`, which it does not define",
  "src/sql/SqlDialect.ts#SqlDialect": "module being edited this session",
  "src/table/fromTable.ts#FromTableOptions": "a fragment: uses `table`, which it does not define",
  "src/table/fromTable.ts#FromTableSource": "a fragment: uses `table`, which it does not define",
  "src/table/toTable.ts#ToTableOptions": "a fragment: uses `rfm`, which it does not define",
  "src/value/customerLifetimeValue.ts#customerLifetimeValue":
    "a fragment: uses `summary`, which it does not define",
  "src/value/fitBetaGeometricBetaBinomial.ts#BetaGeometricBetaBinomialParams":
    "module being edited this session",
  "src/value/fitBetaGeometricBetaBinomial.ts#FitBetaGeometricBetaBinomialResult":
    "module being edited this session",
  "src/value/fitBetaGeometricBetaBinomial.ts#fitBetaGeometricBetaBinomial":
    "module being edited this session",
  "src/value/fitGammaGamma.ts#GammaGammaParams": "module being edited this session",
  "src/value/fitGammaGamma.ts#fitGammaGamma": "module being edited this session",
  "src/value/lifetimeFitConvergence.ts#LifetimeFitConvergence": "module being edited this session",
  "src/value/repeatPurchaseInput.ts#RepeatPurchaseInput":
    "a fragment: uses `cdnowRows`, which it does not define",
  "src/value/repeatPurchaseSummary.ts#displayRepeatPurchaseSummary":
    "a fragment: uses `result`, which it does not define",
};

const modules = [
  "core",
  "basket",
  "value",
  "segment",
  "churn",
  "satisfaction",
  "crm",
  "store",
  "table",
  "danfo",
  "chart",
  "duckdb",
  "sql",
];

/** The runtime exports of each subpath, to import the names an example uses. */
async function exportNames(module: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys(await import(/* @vite-ignore */ `clientele/${module}`)));
  } catch {
    return new Set();
  }
}
const exported = new Map<string, Set<string>>();
for (const module of modules) exported.set(module, await exportNames(module));
const contextFile = fileURLToPath(new URL("./exampleContext.ts", import.meta.url));
const contextNames = new Set(Object.keys(context).filter((name) => name !== "DATASET_FILES"));

/** The runtime exports of an example's own file (its concept may not be in the module index yet). */
async function ownNames(file: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys(await import(/* @vite-ignore */ join(root, file))));
  } catch {
    return new Set();
  }
}

/** The example's free names (used, neither imported nor declared). */
function usedNames(body: string): { used: Set<string>; taken: Set<string> } {
  const imported = new Set<string>();
  for (const match of body.matchAll(/^import\s*\{([^}]*)\}/gm))
    for (const name of (match[1] as string).split(","))
      imported.add(
        name
          .replace(/^\s*type\s+/, "")
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim() ?? "",
      );
  const declared = new Set(
    [...body.matchAll(/\b(?:const|let|var|function|class)\s+([\w$]+)/g)].map((match) => match[1] as string),
  );
  for (const match of body.matchAll(/\b(?:const|let|var)\s*[[{]([^=]*)[\]}]\s*=/g))
    for (const name of (match[1] as string).split(/[,:\s]+/)) declared.add(name.replace(/^\.\.\./, ""));
  const code = body
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\/\/.*$/gm, "")
    .replace(/\.\.\./g, " ");
  const used = new Set(code.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? []);
  return { used, taken: new Set([...imported, ...declared]) };
}

/** The module text of one example: its own imports, then imports of the names it uses but neither imports nor declares. */
async function exampleModule(example: TsdocExample, steps: readonly SnippetStep[]): Promise<string> {
  const body = snippetModule(steps);
  const { used, taken } = usedNames(body);
  const extra: string[] = [];
  const sources: [string, Set<string>][] = [
    [join(root, example.file), await ownNames(example.file)],
    ...[example.module, "core", ...modules].map(
      (module) => [`clientele/${module}`, exported.get(module) ?? new Set<string>()] as [string, Set<string>],
    ),
    [contextFile, contextNames],
  ];
  for (const [from, available] of sources) {
    const names = [...available].filter((name) => used.has(name) && !taken.has(name));
    for (const name of names) taken.add(name);
    if (names.length > 0) extra.push(`import { ${names.join(", ")} } from ${JSON.stringify(from)};`);
  }
  return [...extra, body].join("\n");
}

const loaded = { groceries: context.groceries, mobi: context.mobi, cdnowSummary: context.cdnowSummary };

/** The shared datasets an example uses that are absent here. */
function absentDatasets(example: TsdocExample): string[] {
  const { used, taken } = usedNames(example.code);
  return Object.entries(context.DATASET_FILES)
    .filter(
      ([name]) => used.has(name) && !taken.has(name) && loaded[name as keyof typeof loaded] === undefined,
    )
    .map(([, file]) => file);
}

/**
 * Reads `// throws XError: ...` as `// XError: ...`, and ends top-level statements that close with `}` (`try { ... } catch { ... }`,
 * `for (...) { ... }`) with `;`, which the snippet engine needs to split statements.
 */
function terminated(code: string): string {
  // `// throws XError: message` documents a throw as `// XError: message` does.
  const lines = code.split("\n").map((line) => line.replace(/\/\/\s*throws\s+(?=[A-Z]\w*Error:)/, "// "));
  let depth = 0;
  return lines
    .map((line, index) => {
      const code = line
        .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
        .replace(/\/\/.*$/, "");
      for (const char of code) {
        if ("([{".includes(char)) depth++;
        else if (")]}".includes(char)) depth--;
      }
      if (depth !== 0 || !code.trimEnd().endsWith("}")) return line;
      const next = lines
        .slice(index + 1)
        .find((candidate) => candidate.trim() !== "" && !candidate.trim().startsWith("//"));
      if (next !== undefined && /^\s*(else|catch|finally|[).?:,])/.test(next)) return line;
      return line.replace(/}(\s*(\/\/.*)?)$/, "};$1");
    })
    .join("\n");
}

/** `const x: Type = value;` checked as `const x = value;` (the engine records declarations without a type). */
function withoutAnnotation(step: SnippetStep): SnippetStep {
  if (step.expected === undefined) return step;
  return { ...step, code: step.code.replace(/^(const|let)\s+([\w$]+)\s*:\s*[^=]+?=(?!>)/s, "$1 $2 =") };
}

interface ExampleRun {
  readonly steps: readonly SnippetStep[];
  readonly outcomes: Map<number, { value?: unknown; error?: unknown }>;
  readonly error?: unknown;
}

const directory = mkdtempSync(join(tmpdir(), "clientele-examples-"));
async function runExample(example: TsdocExample, index: number): Promise<ExampleRun> {
  const outcomes = new Map<number, { value?: unknown; error?: unknown }>();
  let steps: SnippetStep[] = [];
  try {
    steps = snippetSteps(terminated(example.code), example.line).map(withoutAnnotation);
    const file = join(directory, `example-${index}.ts`);
    writeFileSync(file, await exampleModule(example, steps));
    const program = (await import(/* @vite-ignore */ file)) as {
      run: (record: (index: number, outcome: { value?: unknown; error?: unknown }) => void) => Promise<void>;
    };
    await program.run((at, outcome) => outcomes.set(at, outcome));
    return { steps, outcomes };
  } catch (error) {
    return { steps, outcomes, error };
  }
}

/** Why an example's run contradicts its documentation, or undefined when it does not. */
function problem(run: ExampleRun): string | undefined {
  if (run.error !== undefined) {
    const error = run.error as Error;
    return `it throws ${error?.name ?? "an error"}: ${String(error?.message ?? error).split("\n")[0]}`;
  }
  for (const [index, step] of run.steps.entries()) {
    if (step.expected === undefined) continue;
    const outcome = run.outcomes.get(index);
    if (outcome === undefined) return `line ${step.line}: the statement did not run`;
    let mismatch: string | undefined;
    try {
      mismatch = exampleOutcomeMismatch(step, outcome);
    } catch (error) {
      mismatch = `the documented output does not parse: ${(error as Error).message}`;
    }
    if (mismatch !== undefined) return `line ${step.line}: ${mismatch.split("\n")[0]}`;
  }
  return undefined;
}

const examples = tsdocExamples(root);

/** The danfo adapter's examples need danfojs-node, outside the default install (`npm run test:danfo` adds it). */
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
const peerMissing: Readonly<Record<string, string | undefined>> = {
  danfo: installed("danfojs-node") ? undefined : "danfojs-node is not installed",
};

describe("TSDoc @example blocks", () => {
  it("are found for every module", () => {
    expect(examples.length).toBeGreaterThan(400);
    expect(new Set(examples.map((example) => example.module))).toEqual(new Set(modules));
  });
  it("skip only examples that exist (a stale key is reported)", () => {
    const keys = new Set(examples.map((example) => example.key));
    const stale = Object.keys(SKIPPED).filter((key) => !keys.has(key));
    if (stale.length > 0)
      console.warn(`[clientele docs] SKIPPED names examples that no longer exist: ${stale.join(", ")}`);
    expect(Object.keys(SKIPPED).length).toBeLessThan(examples.length);
  });
  examples.forEach((example, index) => {
    const missing = peerMissing[example.module];
    if (missing !== undefined) {
      it.skip(`${example.file}:${example.line} ${example.symbol} (skipped: ${missing})`, () => {});
      return;
    }
    const absent = absentDatasets(example);
    if (absent.length > 0) {
      it.skip(`${example.file}:${example.line} ${example.symbol} (skipped: ../shared/datasets/${absent.join(", ")} absent)`, () => {});
      return;
    }
    const reason = SKIPPED[example.key];
    it(`${example.file}:${example.line} ${example.symbol}${reason === undefined ? "" : ` (skipped: ${reason})`}`, async () => {
      const found = problem(await runExample(example, index));
      if (reason === undefined) expect(found === undefined, found).toBe(true);
      else if (found === undefined)
        console.warn(
          `[clientele docs] ${example.key} runs now: remove it from SKIPPED in test/docs/examples.test.ts`,
        );
    });
  });
});
