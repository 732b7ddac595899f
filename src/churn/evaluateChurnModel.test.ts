import { describe, expect, it } from "vitest";
import { readChurnFixture, readChurnReference } from "../../fixtures/churn/fixture.js";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import { trainChurnModel } from "./trainChurnModel.js";

const rows = Object.freeze(readChurnFixture().map((row) => Object.freeze(row)));
const reference = readChurnReference().fixture;

describe("evaluateChurnModel", () => {
  it("scores held-out rows with the model's own label field and matches sklearn on them", () => {
    const model = trainChurnModel(
      rows.filter((row) => row.split === "train"),
      {
        label: "churned",
        fields: {
          numeric: [
            "tenureMonths",
            "ordersLast90Days",
            "averageOrderValue",
            "daysSinceLastOrder",
            "complaints",
          ],
          categorical: ["region", "plan"],
        },
        regularization: { l2: 0 },
      },
    );
    const result = evaluateChurnModel(
      model,
      rows.filter((row) => row.split === "test"),
    );
    expect(result.count).toBe(100);
    expect(result.auc).toBeCloseTo(reference.statsmodels.test.auc, 12);
    expect(result.confusion).toEqual(reference.statsmodels.test.confusion);
  });

  it("refuses something that is not a model", () => {
    expect(() => evaluateChurnModel({} as never, rows)).toThrow(
      /expected a model returned by trainChurnModel/,
    );
  });

  it("refuses an element that is not a record with an InvalidRecordError naming its row", () => {
    const train = rows.filter((row) => row.split === "train");
    const model = trainChurnModel(train, { label: "churned", fields: { numeric: ["tenureMonths"] } });
    expect(() => evaluateChurnModel(model, [train[0], undefined] as never)).toThrow(
      /evaluateChurnModel: row 1, field "\(record\)": received undefined; expected a record/,
    );
  });
});
