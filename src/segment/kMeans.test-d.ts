import { describe, expectTypeOf, it } from "vitest";
import { type KMeansResult, kMeans } from "./kMeans.js";
import { segmentProfiles } from "./segmentProfiles.js";

interface Customer {
  readonly id: string;
  readonly recency: number;
  readonly monetary: number;
}

describe("kMeans types", () => {
  it("kMeans is generic over the record type and checks field keys", () => {
    const customers: readonly Customer[] = [];
    expectTypeOf(kMeans(customers, { k: 2, fields: ["recency", "monetary"] })).toEqualTypeOf<
      KMeansResult<Customer>
    >();
    // @ts-expect-error "tenure" is not a key of Customer
    kMeans(customers, { k: 2, fields: ["tenure"] });
    kMeans(customers, { k: 2, fields: { spend: (customer) => customer.monetary } });
  });

  it("segmentProfiles accepts records richer than the model's", () => {
    const model = kMeans<Pick<Customer, "recency">>([] as readonly Customer[], { k: 2, fields: ["recency"] });
    segmentProfiles(model, [] as readonly Customer[], { valueField: "monetary" });
  });
});
