/** TSDoc examples of src/satisfaction/ that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
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
};
