import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { generateStore } from "./generateStore.js";
import type { PlantedSegment, Store, StoreSurveyResponse } from "./types.js";

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** Every broken record invariant of a store, as readable messages (empty when all hold). */
function invariantViolations(store: Store): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string, record?: unknown) => {
    if (!ok && problems.length < 20) problems.push(`${what}: ${JSON.stringify(record)}`);
  };
  const { start } = store.options;
  const end = store.planted.end;
  const customerById = new Map(store.customers.map((customer) => [customer.customerId, customer]));
  check(customerById.size === store.customers.length, "customer ids unique");
  check(store.customers.length === store.options.customers, "customer count echoes options");
  for (const customer of store.customers) {
    check(customer.signupDate <= end, "signup before the end", customer);
    check(
      customer.churnDate === null || (customer.churnDate >= start && customer.churnDate <= end),
      "churn in period",
      customer,
    );
  }

  const orderById = new Map(store.orders.map((order) => [order.orderId, order]));
  check(orderById.size === store.orders.length, "order ids unique");
  let previousDate = "";
  const customersWithOrders = new Set<string>();
  for (const order of store.orders) {
    const customer = customerById.get(order.customerId);
    check(customer !== undefined, "order of a known customer", order);
    check(order.date >= start && order.date <= end, "order inside the period", order);
    check(order.date >= (customer?.signupDate ?? ""), "order on or after signup", order);
    check(customer?.churnDate == null || order.date <= customer.churnDate, "no order after churnDate", order);
    check(
      customer?.channel !== "online" || order.channel === "online",
      "online customer orders online",
      order,
    );
    check(
      customer?.channel !== "store" || order.channel === "store",
      "store customer orders in store",
      order,
    );
    check(order.date >= previousDate, "order ids run in date order", order);
    previousDate = order.date;
    customersWithOrders.add(order.customerId);
  }
  check(customersWithOrders.size === store.customers.length, "every customer orders at least once");

  const purchaseLines = new Map<string, number>();
  const purchaseTotal = new Map<string, number>();
  const bought = new Map<string, number>();
  const returned = new Map<string, number>();
  for (const line of store.orderLines) {
    const order = orderById.get(line.orderId);
    check(
      order !== undefined && line.customerId === order.customerId,
      "line of a known order and customer",
      line,
    );
    check(Number.isInteger(line.quantity) && line.quantity !== 0, "integer non-zero quantity", line);
    check(line.unitPrice > 0, "positive unit price", line);
    check(
      Math.abs(line.unitPrice * 100 - Math.round(line.unitPrice * 100)) < 1e-6,
      "unit price in cents",
      line,
    );
    // amount is quantity x unit price rounded to the cent
    check(
      Math.abs(line.amount - line.quantity * line.unitPrice) < 0.005 + 1e-9,
      "amount = quantity x unitPrice",
      line,
    );
    check(Math.abs(line.amount * 100 - Math.round(line.amount * 100)) < 1e-6, "amount in cents", line);
    check(line.refund === line.quantity < 0, "refund flag iff negative quantity", line);
    check(Math.sign(line.amount) === Math.sign(line.quantity), "amount has the sign of quantity", line);
    check(line.date >= start && line.date <= end, "line inside the period", line);
    const key = `${line.orderId}|${line.product}`;
    if (line.refund) {
      check(line.date >= (order?.date ?? ""), "refund on or after purchase", line);
      const churn = customerById.get(line.customerId)?.churnDate;
      check(churn == null || line.date <= churn, "refund not after churnDate", line);
      returned.set(key, (returned.get(key) ?? 0) - line.quantity);
    } else {
      check(line.date === order?.date, "purchase line dated as its order", line);
      purchaseLines.set(line.orderId, (purchaseLines.get(line.orderId) ?? 0) + 1);
      purchaseTotal.set(line.orderId, (purchaseTotal.get(line.orderId) ?? 0) + line.amount);
      check(!bought.has(key), "a product appears once per basket", line);
      bought.set(key, line.quantity);
    }
  }
  for (const [key, quantity] of returned)
    check(quantity <= (bought.get(key) ?? 0), "refund at most what was bought", key);
  for (const order of store.orders) {
    check(order.lineCount === purchaseLines.get(order.orderId), "lineCount counts purchase lines", order);
    check(
      Math.abs(order.total - (purchaseTotal.get(order.orderId) ?? Number.NaN)) < 1e-6,
      "total sums purchases",
      order,
    );
  }

  const surveyed = new Set<string>();
  for (const survey of store.surveys) {
    const customer = customerById.get(survey.customerId);
    check(
      customer !== undefined && !surveyed.has(survey.customerId),
      "one survey per known customer",
      survey,
    );
    surveyed.add(survey.customerId);
    check(survey.date >= start && survey.date <= end, "survey inside the period", survey);
    check(customer?.churnDate == null || survey.date <= customer.churnDate, "survey before churn", survey);
    check(Object.keys(survey).length === 27, "24 items + nps + customerId + date", survey);
    for (const [key, value] of Object.entries(survey)) {
      if (key === "customerId" || key === "date") continue;
      const low = key === "nps" ? 0 : 1;
      check(Number.isInteger(value) && value >= low && value <= 10, `${key} integer in ${low}..10`, survey);
    }
  }

  check(
    new Set(store.complaints.map((c) => c.complaintId)).size === store.complaints.length,
    "complaint ids unique",
  );
  for (const complaint of store.complaints) {
    check(customerById.has(complaint.customerId), "complaint of a known customer", complaint);
    check(
      complaint.orderId === null || orderById.get(complaint.orderId)?.customerId === complaint.customerId,
      "complaint order belongs to the customer",
      complaint,
    );
    const openedDay = complaint.openedAt.slice(0, 10);
    check(openedDay >= start && openedDay <= end, "complaint opened inside the period", complaint);
    check(
      Date.parse(complaint.firstResponseAt) > Date.parse(complaint.openedAt),
      "response after opening",
      complaint,
    );
    check(
      complaint.resolvedAt === null ||
        Date.parse(complaint.resolvedAt) >= Date.parse(complaint.firstResponseAt),
      "resolution after first response",
      complaint,
    );
    check(Number.isInteger(complaint.contacts) && complaint.contacts >= 1, "contacts >= 1", complaint);
    check(!complaint.reopened || complaint.contacts >= 2, "reopened needs a second contact", complaint);
  }

  const onlineOrders = store.orders
    .filter((order) => order.channel === "online")
    .map((order) => order.orderId);
  check(
    JSON.stringify(store.deliveries.map((delivery) => delivery.orderId)) === JSON.stringify(onlineOrders),
    "one delivery per online order, in order",
  );
  for (const delivery of store.deliveries) {
    const order = orderById.get(delivery.orderId);
    check(delivery.customerId === order?.customerId, "delivery of the order's customer", delivery);
    check(delivery.promisedDate > (order?.date ?? ""), "promised after the order", delivery);
    check(
      (delivery.deliveredDate === null) === (delivery.status !== "delivered"),
      "delivered date iff delivered",
      delivery,
    );
    check(
      delivery.deliveredDate === null || delivery.deliveredDate >= (order?.date ?? ""),
      "delivered after order",
      delivery,
    );
    check(
      !delivery.damaged || delivery.status === "delivered",
      "only delivered parcels are damaged",
      delivery,
    );
  }

  for (const count of store.inventoryCounts) {
    check(count.date >= start && count.date <= end, "count inside the period", count);
    check(new Date((dayOf(count.date) + 1) * DAY_MS).getUTCDate() === 1, "count on a month end", count);
    check(Number.isInteger(count.systemQuantity) && count.systemQuantity >= 0, "system quantity", count);
    check(Number.isInteger(count.countedQuantity) && count.countedQuantity >= 0, "counted quantity", count);
  }

  // planted bookkeeping agrees with the records
  const segmentSizes = Object.values(store.planted.segments).reduce((sum, ids) => sum + ids.length, 0);
  check(segmentSizes === store.customers.length, "segments partition the customers");
  for (const [segment, ids] of Object.entries(store.planted.segments)) {
    for (const id of ids)
      check(customerById.get(id)?.segment === segment, "planted segment matches customer", id);
  }
  const churners = store.customers
    .filter((customer) => customer.churnDate !== null)
    .map((customer) => ({ customerId: customer.customerId, churnDate: customer.churnDate }));
  check(
    JSON.stringify(store.planted.churners) === JSON.stringify(churners),
    "planted churners match customers",
  );
  return problems;
}

/** 32-bit FNV-1a of a string, as 8 hex digits (the same function is in test/deno/store-example.mjs). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** `count:hash` of the JSON of every table of a store, and the hash of `planted`. */
function storeFingerprints(store: Store): Record<string, string> {
  const tables = [
    "customers",
    "orders",
    "orderLines",
    "surveys",
    "complaints",
    "deliveries",
    "inventoryCounts",
  ] as const;
  const result: Record<string, string> = {};
  for (const name of tables) result[name] = `${store[name].length}:${fnv1a(JSON.stringify(store[name]))}`;
  result.planted = fnv1a(JSON.stringify(store.planted));
  return result;
}

/** Recorded 2026-11-23 from generateStore({ seed: 7, customers: 200, months: 12 }); see the test. */
const STREAM_FINGERPRINTS = {
  customers: "200:d0e4e940",
  orders: "1033:c0cd185a",
  orderLines: "4412:9df6feac",
  surveys: "65:efbfa257",
  complaints: "35:6376267a",
  deliveries: "484:249dbe8a",
  inventoryCounts: "984:6a5ca7c1",
  planted: "72d4d490",
};

function expectInvariants(store: Store): void {
  expect(invariantViolations(store)).toEqual([]);
}

describe("generateStore determinism", () => {
  it("generateStore gives an identical store for the same seed and options", () => {
    const options = Object.freeze({ seed: 7, customers: 60, months: 6 });
    const first = generateStore(options);
    const second = generateStore(options);
    expect(second).toEqual(first);
    expect(options).toEqual({ seed: 7, customers: 60, months: 6 });
  });

  it("generateStore keeps its stream: every table of a small store hashes to its recorded fingerprint", () => {
    // These fingerprints are our own output on purpose: they pin the generator's stream (the issue asks
    // for the same store from the same seed on every platform), they are not a correctness reference
    // (the invariant and planted-structure tests below are). createRandom itself is pinned bit for bit
    // against an independent xoshiro128** in src/core/random.test.ts; this pins the draw order of every
    // table, which the same-process comparison above and the TSDoc numbers (lines only) cannot catch:
    // swapping the complaint and survey forks changes surveys and complaints but no order line.
    // test/deno/store-example.mjs checks the same fingerprints in Deno. A deliberate change of stream
    // updates these, the TSDoc example and test/deno, with a CHANGELOG entry.
    const store = generateStore({ seed: 7, customers: 200, months: 12 });
    expect(storeFingerprints(store)).toEqual(STREAM_FINGERPRINTS);
  });

  it("generateStore gives different stores for different seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = generateStore({ seed, customers: 30, months: 6 });
        const b = generateStore({ seed: seed + 1, customers: 30, months: 6 });
        expect(a.orderLines).not.toEqual(b.orderLines);
        expect(a.customers).not.toEqual(b.customers);
      }),
      { numRuns: 10 },
    );
  });

  it("generateStore defaults to seed 1, 1000 customers, 24 months from 2024-01-01", () => {
    const store = generateStore({ surveyRate: 0.3 });
    expect(store.options).toEqual({
      seed: 1,
      customers: 1000,
      start: "2024-01-01",
      months: 24,
      surveyRate: 0.3,
    });
    expect(store.planted.end).toBe("2025-12-31");
    expect(generateStore({ seed: 1, customers: 50 }).orderLines).toEqual(
      generateStore({ customers: 50 }).orderLines,
    );
  });
});

describe("generateStore records", () => {
  it("generateStore keeps every record invariant (property over seeds, sizes, periods)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 30 }),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2030-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, customers, months, startDate, surveyRate) => {
          const start = startDate.toISOString().slice(0, 10);
          expectInvariants(generateStore({ seed, customers, months, start, surveyRate }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("generateStore keeps every record invariant on the default store", () => {
    expectInvariants(generateStore());
  });

  it("the invariant checker itself catches a broken amount, a late order and a bad survey answer", () => {
    const store = generateStore({ customers: 20, surveyRate: 1 });
    const [line, ...otherLines] = store.orderLines;
    const brokenAmount = {
      ...store,
      orderLines: [{ ...line, amount: (line?.amount ?? 0) + 0.01 }, ...otherLines],
    };
    expect(invariantViolations(brokenAmount as Store).join("\n")).toContain("amount = quantity x unitPrice");
    const [order, ...otherOrders] = store.orders;
    const lateOrder = { ...store, orders: [...otherOrders, { ...order, date: "2031-01-01" }] };
    expect(invariantViolations(lateOrder as Store).join("\n")).toContain("order inside the period");
    const [survey, ...otherSurveys] = store.surveys;
    const badSurvey = { ...store, surveys: [{ ...survey, CUSA1: 11 }, ...otherSurveys] };
    expect(invariantViolations(badSurvey as Store).join("\n")).toContain("CUSA1 integer in 1..10");
  });

  it("generateStore ends the period at the same day of month, clamped to the month's length", () => {
    expect(generateStore({ customers: 5, start: "2024-01-31", months: 1 }).planted.end).toBe("2024-02-28");
    expect(generateStore({ customers: 5, start: "2023-03-15", months: 12 }).planted.end).toBe("2024-03-14");
  });

  it("generateStore handles a single customer", () => {
    const store = generateStore({ customers: 1, surveyRate: 1 });
    expect(store.customers).toHaveLength(1);
    expect(store.orders.length).toBeGreaterThanOrEqual(1);
    expect(store.surveys).toHaveLength(1);
    expectInvariants(store);
  });

  it("generateStore sizes the store from orderLines within 15% of the target", () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const target of [2_000, 30_000]) {
        const lines = generateStore({ seed, orderLines: target, surveyRate: 0 }).orderLines.length;
        expect(Math.abs(lines / target - 1), `seed ${seed}, target ${target}`).toBeLessThan(0.15);
      }
    }
    const large = generateStore({ seed: 9, orderLines: 150_000, months: 12, surveyRate: 0 });
    expect(Math.abs(large.orderLines.length / 150_000 - 1)).toBeLessThan(0.15);
    expect(large.options.customers).toBe(large.customers.length);
  });

  it("generateStore makes a tiny store from a small orderLines target", () => {
    const store = generateStore({ orderLines: 300 });
    expect(store.orderLines.length).toBeGreaterThan(100);
    expect(store.orderLines.length).toBeLessThan(600);
    expectInvariants(store);
  });

  it("generateStore writes refunds as negative lines, including fully refunded orders", () => {
    const store = generateStore();
    const refunds = store.orderLines.filter((line) => line.refund);
    const share = refunds.length / store.orderLines.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.06);
    const net = new Map<string, number>();
    for (const line of store.orderLines) net.set(line.orderId, (net.get(line.orderId) ?? 0) + line.amount);
    const fullyRefunded = [...net.values()].filter((value) => Math.abs(value) < 0.005).length;
    expect(fullyRefunded).toBeGreaterThan(0);
    expect(fullyRefunded / store.orders.length).toBeLessThan(0.03);
  });
});

describe("generateStore TSDoc example", () => {
  it("generateStore prints what its TSDoc example shows (keeps the docs in step with the generator)", () => {
    const store = generateStore({ seed: 1 });
    expect(store.customers.length).toBe(1000);
    expect(store.orderLines.length).toBe(42470);
    expect(store.orderLines[0]).toEqual({
      orderId: "O0000001",
      customerId: "C00101",
      date: "2024-01-01",
      product: "sparkling water",
      category: "beverages",
      quantity: 4,
      unitPrice: 0.71,
      amount: 2.84,
      refund: false,
    });
    expect(store.planted.churners.length).toBe(259);
    expect(store.planted.end).toBe("2025-12-31");
    expect(generateStore({ orderLines: 100_000 }).orderLines.length).toBe(100025);
  });
});

describe("generateStore record types' TSDoc examples", () => {
  it("the record types in types.ts show what generateStore({ seed: 1 }) gives (keeps those docs in step)", () => {
    const store = generateStore({ seed: 1 });
    expect(store.options).toEqual({
      seed: 1,
      customers: 1000,
      start: "2024-01-01",
      months: 24,
      surveyRate: 0.3,
    });
    expect(generateStore({ orderLines: 300 }).orderLines.length > 100).toBe(true);
    // 7% of 1000 by exact quotas (hand: 0.07 x 1000 = 70)
    expect(store.planted.segments.champions.length).toBe(70);
    expect(store.customers[0]).toEqual({
      customerId: "C00001",
      signupDate: "2024-04-14",
      ageBand: "45-54",
      region: "central",
      channel: "store",
      segment: "bargain hunters",
      churnDate: null,
    });
    expect(store.orders[0]).toEqual({
      orderId: "O0000001",
      customerId: "C00101",
      date: "2024-01-01",
      channel: "store",
      lineCount: 5,
      total: 17.73,
    });
    expect(store.orderLines.find((line) => line.refund)).toEqual({
      orderId: "O0000016",
      customerId: "C00325",
      date: "2024-01-04",
      product: "eggs",
      category: "dairy",
      quantity: -1,
      unitPrice: 2.99,
      amount: -2.99,
      refund: true,
    });
    const answer = store.surveys[0] as StoreSurveyResponse;
    expect([answer.customerId, answer.date, answer.CUSA1, answer.nps]).toEqual([
      "C00001",
      "2025-05-19",
      6,
      7,
    ]);
    expect(new Set(store.complaints.map((complaint) => complaint.category)).size).toBe(4);
    expect(store.complaints[0]).toEqual({
      complaintId: "K000001",
      customerId: "C00386",
      orderId: null,
      category: "service quality",
      severity: "high",
      openedAt: "2024-01-04T15:55:00Z",
      firstResponseAt: "2024-01-05T00:26:00Z",
      resolvedAt: "2024-01-08T18:33:00Z",
      contacts: 1,
      reopened: false,
    });
    expect(store.deliveries[0]).toEqual({
      orderId: "O0000003",
      customerId: "C00338",
      promisedDate: "2024-01-04",
      deliveredDate: "2024-01-03",
      status: "delivered",
      damaged: false,
      inStock: true,
    });
    expect(store.inventoryCounts[0]).toEqual({
      date: "2024-01-31",
      product: "bananas",
      systemQuantity: 132,
      countedQuantity: 132,
    });
    expect(store.planted.associations[1]).toEqual({
      antecedent: "pasta",
      consequent: "pasta sauce",
      confidence: 0.5,
      story: "pasta is bought with a jar of sauce",
    });
    expect(store.planted.churners[0]).toEqual({ customerId: "C00006", churnDate: "2025-04-14" });
    expect(store.planted.notes).toHaveLength(6);
    expect([
      store.customers.length,
      store.orders.length,
      store.orderLines.length,
      store.surveys.length,
    ]).toEqual([1000, 9817, 42470, 310]);
  });
});

describe("generateStore options validation", () => {
  it("generateStore refuses bad options with every issue listed", () => {
    expect(() =>
      generateStore({
        customers: 0,
        months: 1.5,
        start: "2024-02-30",
        surveyRate: 2,
        colour: "red",
      } as never),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - customers: Too small: expected number to be >=1 (received 0)
        - start: expected an ISO calendar date YYYY-MM-DD between 1900 and 2200 (received "2024-02-30")
        - months: expected a whole number of months (received 1.5)
        - surveyRate: Too big: expected number to be <=1 (received 2)
        - colour: unknown option "colour" (valid: seed, customers, orderLines, start, months, surveyRate)]
    `);
  });

  it("generateStore refuses a non-finite seed, out-of-range sizes and a non-ISO start", () => {
    expect(() => generateStore({ seed: Number.NaN })).toThrow(InvalidOptionsError);
    expect(() => generateStore({ customers: 1_000_000 })).toThrow(/customers: at most 100 000 customers/);
    expect(() => generateStore({ orderLines: 2.5 })).toThrow(
      /orderLines: expected a whole number of order lines/,
    );
    expect(() => generateStore({ orderLines: -5 })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - orderLines: Too small: expected number to be >=1 (received -5)]
    `);
    expect(() => generateStore({ start: "01/02/2024" })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - start: expected an ISO calendar date YYYY-MM-DD between 1900 and 2200 (received "01/02/2024")]
    `);
  });
});

// ---------------------------------------------------------------------------------------------------
// Planted structures, measured from the records on three seeds of the default-size store.

const SEEDS = [1, 2, 3];
const stores = SEEDS.map((seed) => generateStore({ seed }));

function baskets(store: Store): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const line of store.orderLines) {
    if (line.refund) continue;
    let basket = result.get(line.orderId);
    if (basket === undefined) result.set(line.orderId, (basket = new Set()));
    basket.add(line.product);
  }
  return result;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
}

describe.each(SEEDS.map((seed, index) => ({ seed, store: stores[index] as Store })))(
  "generateStore planted structures (seed $seed)",
  ({ store }) => {
    it("plants diapers => beer and the other co-purchases with confidence, lift and support that stand out", () => {
      const all = baskets(store);
      const n = all.size;
      const count = (test: (basket: Set<string>) => boolean) => {
        let k = 0;
        for (const basket of all.values()) if (test(basket)) k++;
        return k;
      };
      expect(store.planted.associations[0]).toMatchObject({ antecedent: "diapers", consequent: "beer" });
      expect(store.planted.associations.length).toBeGreaterThanOrEqual(4);
      for (const rule of store.planted.associations) {
        const antecedent = count((basket) => basket.has(rule.antecedent));
        const consequent = count((basket) => basket.has(rule.consequent));
        const both = count((basket) => basket.has(rule.antecedent) && basket.has(rule.consequent));
        const confidence = both / antecedent;
        const lift = confidence / (consequent / n);
        expect(both / n).toBeGreaterThan(0.005);
        // observed confidence >= the generator's add probability, less sampling noise
        expect(confidence).toBeGreaterThan(rule.confidence - 0.08);
        expect(confidence).toBeGreaterThan(0.3);
        expect(lift).toBeGreaterThan(3);
        if (rule.antecedent === "diapers") expect(confidence).toBeGreaterThan(0.5);
      }
    });

    it("plants segments that differ on log RFM features and category mix in the documented directions", () => {
      const endDay = dayOf(store.planted.end);
      const perCustomer = new Map<string, { last: number; orders: number; spend: number }>();
      for (const order of store.orders) {
        const entry = perCustomer.get(order.customerId) ?? { last: 0, orders: 0, spend: 0 };
        entry.last = Math.max(entry.last, dayOf(order.date));
        entry.orders++;
        entry.spend += order.total;
        perCustomer.set(order.customerId, entry);
      }
      type Features = { recency: number[]; frequency: number[]; monetary: number[]; basket: number[] };
      const features = new Map<PlantedSegment, Features>();
      for (const customer of store.customers) {
        const entry = perCustomer.get(customer.customerId);
        if (entry === undefined) throw new Error("customer without orders");
        const f = features.get(customer.segment) ?? { recency: [], frequency: [], monetary: [], basket: [] };
        f.recency.push(Math.log1p(endDay - entry.last));
        f.frequency.push(Math.log(entry.orders));
        f.monetary.push(Math.log(entry.spend));
        f.basket.push(Math.log(entry.spend / entry.orders));
        features.set(customer.segment, f);
      }
      const m = (segment: PlantedSegment, key: keyof Features) => mean(features.get(segment)?.[key] ?? []);
      const segmentsList = [...features.keys()];
      expect(segmentsList).toHaveLength(6);
      // champions: most frequent, highest spend, among the most recent
      for (const other of segmentsList.filter((s) => s !== "champions")) {
        expect(m("champions", "frequency")).toBeGreaterThan(m(other, "frequency"));
        expect(m("champions", "monetary")).toBeGreaterThan(m(other, "monetary"));
      }
      for (const other of ["loyal regulars", "bargain hunters", "big spenders", "occasional"] as const) {
        expect(m("champions", "recency")).toBeLessThan(m(other, "recency"));
      }
      // big spenders: largest baskets, rare
      for (const other of segmentsList.filter((s) => s !== "big spenders")) {
        expect(m("big spenders", "basket")).toBeGreaterThan(m(other, "basket"));
      }
      expect(m("big spenders", "frequency")).toBeLessThan(m("loyal regulars", "frequency"));
      // bargain hunters: frequent, smallest baskets
      for (const other of segmentsList.filter((s) => s !== "bargain hunters")) {
        expect(m("bargain hunters", "basket")).toBeLessThan(m(other, "basket"));
      }
      expect(m("bargain hunters", "frequency")).toBeGreaterThan(m("occasional", "frequency") + 1);
      // loyal regulars: frequent, medium spend
      expect(m("loyal regulars", "monetary")).toBeGreaterThan(m("bargain hunters", "monetary"));
      expect(m("loyal regulars", "monetary")).toBeLessThan(m("champions", "monetary"));
      // occasional: rare, longest since the last order
      for (const other of segmentsList.filter((s) => s !== "occasional")) {
        expect(m("occasional", "recency")).toBeGreaterThan(m(other, "recency"));
      }
      // new: signed up in the last 120 days
      const newIds = new Set(store.planted.segments.new);
      for (const customer of store.customers) {
        if (newIds.has(customer.customerId)) expect(endDay - dayOf(customer.signupDate)).toBeLessThan(120);
      }
      // every pair of segments separates by > 1.5 pooled sd on some log feature
      const keys: (keyof Features)[] = ["recency", "frequency", "monetary", "basket"];
      for (const a of segmentsList) {
        for (const b of segmentsList) {
          if (a >= b) continue;
          const best = Math.max(
            ...keys.map((key) => {
              const x = features.get(a)?.[key] ?? [];
              const y = features.get(b)?.[key] ?? [];
              const pooled = Math.sqrt((sd(x) ** 2 + sd(y) ** 2) / 2);
              return Math.abs(mean(x) - mean(y)) / pooled;
            }),
          );
          expect(best, `${a} vs ${b}`).toBeGreaterThan(1.5);
        }
      }
      // category mix: bargain hunters buy cheap items; big spenders over-index on electronics accessories
      const segmentOf = new Map(store.customers.map((customer) => [customer.customerId, customer.segment]));
      const spend = new Map<string, Map<string, number>>();
      const unitPrices = new Map<string, number[]>();
      for (const line of store.orderLines) {
        if (line.refund) continue;
        const segment = segmentOf.get(line.customerId) as string;
        const bySegment = spend.get(segment) ?? new Map<string, number>();
        bySegment.set(line.category, (bySegment.get(line.category) ?? 0) + line.amount);
        spend.set(segment, bySegment);
        const prices = unitPrices.get(segment) ?? [];
        prices.push(line.unitPrice);
        unitPrices.set(segment, prices);
      }
      const share = (segment: string, category: string) => {
        const bySegment = spend.get(segment) as Map<string, number>;
        const total = [...bySegment.values()].reduce((sum, value) => sum + value, 0);
        return (bySegment.get(category) ?? 0) / total;
      };
      expect(share("big spenders", "electronics accessories")).toBeGreaterThan(
        1.5 * share("loyal regulars", "electronics accessories"),
      );
      expect(share("bargain hunters", "pantry")).toBeGreaterThan(share("champions", "pantry"));
      for (const other of segmentsList.filter((s) => s !== "bargain hunters")) {
        expect(mean(unitPrices.get("bargain hunters") ?? [])).toBeLessThan(mean(unitPrices.get(other) ?? []));
      }
    });

    it("plants churners: about a quarter, more among occasional and bargain hunters, silent after churnDate", () => {
      const churnShare = store.planted.churners.length / store.customers.length;
      expect(churnShare).toBeGreaterThan(0.18);
      expect(churnShare).toBeLessThan(0.3);
      const rate = (segment: PlantedSegment) => {
        const ids = new Set(store.planted.segments[segment]);
        return store.planted.churners.filter((churner) => ids.has(churner.customerId)).length / ids.size;
      };
      expect(rate("occasional")).toBeGreaterThan(rate("loyal regulars"));
      expect(rate("bargain hunters")).toBeGreaterThan(rate("loyal regulars"));
      expect(rate("loyal regulars")).toBeGreaterThan(rate("champions"));
      const churnDate = new Map(
        store.planted.churners.map((churner) => [churner.customerId, churner.churnDate]),
      );
      for (const order of store.orders) {
        const date = churnDate.get(order.customerId);
        if (date !== undefined) expect(order.date <= date).toBe(true);
      }
      // churn dates are spread over the period
      const days = store.planted.churners.map((churner) => dayOf(churner.churnDate));
      const startDay = dayOf(store.options.start);
      const span = dayOf(store.planted.end) - startDay;
      expect(Math.min(...days) - startDay).toBeLessThan(0.25 * span);
      expect(Math.max(...days) - startDay).toBeGreaterThan(0.75 * span);
      // customers with a complaint churn more often
      const complained = new Set(store.complaints.map((complaint) => complaint.customerId));
      const churnRate = (test: (id: string) => boolean) => {
        const group = store.customers.filter((customer) => test(customer.customerId));
        return group.filter((customer) => customer.churnDate !== null).length / group.length;
      };
      expect(churnRate((id) => complained.has(id))).toBeGreaterThan(
        churnRate((id) => !complained.has(id)) + 0.1,
      );
    });

    it("plants reliable ECSI survey blocks whose satisfaction tracks churn and complaints", () => {
      const surveys = store.surveys;
      expect(surveys.length / store.customers.length).toBeGreaterThan(0.25);
      expect(surveys.length / store.customers.length).toBeLessThan(0.35);
      const blocks: Record<string, (keyof StoreSurveyResponse)[]> = {
        image: ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
        expectation: ["CUEX1", "CUEX2", "CUEX3"],
        quality: ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"],
        value: ["PERV1", "PERV2"],
        satisfaction: ["CUSA1", "CUSA2", "CUSA3"],
        loyalty: ["CUSL1", "CUSL2", "CUSL3"],
      };
      // Cronbach's alpha = k / (k - 1) * (1 - sum of item variances / variance of the sum)
      for (const [name, items] of Object.entries(blocks)) {
        const itemVariance = items.map((item) => sd(surveys.map((row) => row[item] as number)) ** 2);
        const total = surveys.map((row) => items.reduce((sum, item) => sum + (row[item] as number), 0));
        const alpha =
          (items.length / (items.length - 1)) *
          (1 - itemVariance.reduce((a, b) => a + b, 0) / sd(total) ** 2);
        expect(alpha, name).toBeGreaterThan(0.65);
      }
      const satisfaction = (row: StoreSurveyResponse) => (row.CUSA1 + row.CUSA2 + row.CUSA3) / 3;
      const churners = new Set(store.planted.churners.map((churner) => churner.customerId));
      const complained = new Set(store.complaints.map((complaint) => complaint.customerId));
      const of = (test: (row: StoreSurveyResponse) => boolean) =>
        mean(surveys.filter(test).map(satisfaction));
      expect(of((row) => churners.has(row.customerId))).toBeLessThan(
        of((row) => !churners.has(row.customerId)) - 0.5,
      );
      expect(of((row) => complained.has(row.customerId))).toBeLessThan(
        of((row) => !complained.has(row.customerId)),
      );
      const champions = new Set(store.planted.segments.champions);
      const occasional = new Set(store.planted.segments.occasional);
      expect(of((row) => champions.has(row.customerId))).toBeGreaterThan(
        of((row) => occasional.has(row.customerId)),
      );
      // NPS follows satisfaction and loyalty
      const x = surveys.map(satisfaction);
      const y = surveys.map((row) => row.nps);
      const mx = mean(x);
      const my = mean(y);
      let sxy = 0;
      for (let i = 0; i < x.length; i++) sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
      expect(sxy / (x.length - 1) / (sd(x) * sd(y))).toBeGreaterThan(0.4);
      // CUSL2 (price tolerance) is the weakest loyalty item, as in the real ECSI data
      const correlation = (a: keyof StoreSurveyResponse, b: keyof StoreSurveyResponse) => {
        const u = surveys.map((row) => row[a] as number);
        const v = surveys.map((row) => row[b] as number);
        const mu = mean(u);
        const mv = mean(v);
        let s = 0;
        for (let i = 0; i < u.length; i++) s += ((u[i] as number) - mu) * ((v[i] as number) - mv);
        return s / (u.length - 1) / (sd(u) * sd(v));
      };
      expect(correlation("CUSL1", "CUSL2")).toBeLessThan(correlation("CUSL1", "CUSL3"));
    });

    it("plants complaint timings, deliveries and inventory counts at the documented rates", () => {
      const complaints = store.complaints;
      expect(complaints.length / store.orders.length).toBeGreaterThan(0.01);
      expect(complaints.length / store.orders.length).toBeLessThan(0.06);
      const median = (values: number[]) => {
        const sorted = values.slice().sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)] as number;
      };
      const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
      const firstResponse = median(complaints.map((c) => hours(c.openedAt, c.firstResponseAt)));
      expect(firstResponse).toBeGreaterThan(2.5);
      expect(firstResponse).toBeLessThan(6);
      const resolved = complaints.filter((c) => c.resolvedAt !== null);
      const resolution = (test: (severity: string) => boolean) =>
        median(
          resolved.filter((c) => test(c.severity)).map((c) => hours(c.openedAt, c.resolvedAt as string)),
        );
      expect(resolution(() => true) / 24).toBeGreaterThan(1.2);
      expect(resolution(() => true) / 24).toBeLessThan(3);
      expect(resolution((s) => s === "high" || s === "critical")).toBeGreaterThan(
        resolution((s) => s === "low"),
      );
      const firstContact = mean(complaints.map((c) => (c.contacts === 1 ? 1 : 0)));
      expect(firstContact).toBeGreaterThan(0.6);
      expect(firstContact).toBeLessThan(0.8);
      const reopened = mean(complaints.map((c) => (c.reopened ? 1 : 0)));
      expect(reopened).toBeGreaterThan(0.03);
      expect(reopened).toBeLessThan(0.14);
      expect(complaints.some((c) => c.resolvedAt === null)).toBe(true);
      const categories = new Set(complaints.map((c) => c.category));
      expect(categories).toEqual(
        new Set(["product and accessories", "service attitude", "service quality", "incident"]),
      );

      const deliveries = store.deliveries;
      const delivered = deliveries.filter((d) => d.deliveredDate !== null);
      const onTime =
        delivered.filter((d) => (d.deliveredDate as string) <= d.promisedDate).length / delivered.length;
      expect(onTime).toBeGreaterThan(0.89);
      expect(onTime).toBeLessThan(0.95);
      const failed = mean(deliveries.map((d) => (d.status === "failed" ? 1 : 0)));
      expect(failed).toBeGreaterThan(0.008);
      expect(failed).toBeLessThan(0.035);
      const damaged = mean(deliveries.map((d) => (d.damaged ? 1 : 0)));
      expect(damaged).toBeGreaterThan(0.005);
      expect(damaged).toBeLessThan(0.03);
      const inStock = mean(deliveries.map((d) => (d.inStock ? 1 : 0)));
      expect(inStock).toBeGreaterThan(0.94);
      expect(inStock).toBeLessThan(0.98);

      const exact = mean(store.inventoryCounts.map((c) => (c.countedQuantity === c.systemQuantity ? 1 : 0)));
      expect(exact).toBeGreaterThan(0.93);
      expect(exact).toBeLessThan(0.97);
      const products = new Set(store.orderLines.map((line) => line.product));
      expect(store.inventoryCounts.length).toBe(
        24 * new Set(store.inventoryCounts.map((c) => c.product)).size,
      );
      expect(products.size).toBeGreaterThanOrEqual(60);
      expect(new Set(store.orderLines.map((line) => line.category)).size).toBeGreaterThanOrEqual(10);
    });

    it("documents every planted structure in planted.notes", () => {
      const text = store.planted.notes.join("\n");
      for (const word of [
        "diapers => beer",
        "champions",
        "Churn",
        "ECSI",
        "Complaints",
        "Deliveries",
        "Inventory",
      ]) {
        expect(text).toContain(word);
      }
    });
  },
);

describe("generateStore planted.notes numbers", () => {
  // Each number the notes state is parsed from the text and compared with the same rate measured on
  // the records, pooled over the three seeds; binomial rates within 4 standard errors.
  const within4se = (observed: number, stated: number, n: number, label: string) =>
    expect(Math.abs(observed - stated), label).toBeLessThanOrEqual(
      4 * Math.sqrt((stated * (1 - stated)) / n),
    );
  const note = (store: Store, start: string) => {
    const text = store.planted.notes.find((line) => line.startsWith(start));
    if (text === undefined) throw new Error(`no note starting with ${start}`);
    return text;
  };
  const numbers = (text: string, pattern: RegExp) => {
    const match = pattern.exec(text);
    if (match === null) throw new Error(`notes do not match ${pattern}: ${text}`);
    return match.slice(1).map(Number);
  };

  it("planted.notes states the churner count, segment shares, churn rates, order rates and basket sizes the records show", () => {
    type Tally = { customers: number; churners: number; orders: number; activeDays: number; lines: number };
    const tally = new Map<string, Tally>();
    let customers = 0;
    for (const store of stores) {
      const [churnerCount, customerCount] = numbers(note(store, "Churn"), /^Churn: (\d+) of (\d+) customers/);
      expect(churnerCount).toBe(store.customers.filter((customer) => customer.churnDate !== null).length);
      expect(customerCount).toBe(store.customers.length);
      const startDay = dayOf(store.options.start);
      const endDay = dayOf(store.planted.end);
      const orders = new Map<string, { orders: number; lines: number }>();
      for (const order of store.orders) {
        const entry = orders.get(order.customerId) ?? { orders: 0, lines: 0 };
        entry.orders++;
        entry.lines += order.lineCount;
        orders.set(order.customerId, entry);
      }
      for (const customer of store.customers) {
        const entry = tally.get(customer.segment) ?? {
          customers: 0,
          churners: 0,
          orders: 0,
          activeDays: 0,
          lines: 0,
        };
        entry.customers++;
        if (customer.churnDate !== null) entry.churners++;
        const from = Math.max(startDay, dayOf(customer.signupDate));
        const to = customer.churnDate === null ? endDay : dayOf(customer.churnDate);
        entry.activeDays += to - from + 1;
        entry.orders += orders.get(customer.customerId)?.orders ?? 0;
        entry.lines += orders.get(customer.customerId)?.lines ?? 0;
        tally.set(customer.segment, entry);
      }
      customers += store.customers.length;
    }
    const segmentNote = note(stores[0] as Store, "Segments");
    const pattern =
      /([a-z ]+?) ([\d.]+)% \(([\d.]+) orders\/month, ([\d.]+) lines\/order, churn ([\d.]+)%\)/g;
    const stated = [...segmentNote.matchAll(pattern)];
    expect(stated.map((match) => (match[1] as string).replace(/^[;:] */, "").trim())).toEqual(
      Object.keys(stores[0]?.planted.segments ?? {}),
    );
    for (const match of stated) {
      const segment = (match[1] as string).replace(/^[;:] */, "").trim();
      const [share, ordersPerMonth, linesPerOrder, churn] = match.slice(2).map(Number) as number[];
      const t = tally.get(segment) as Tally;
      // shares are exact quotas (largest remainder), so within one customer per store
      expect(Math.abs(t.customers / customers - (share as number) / 100), segment).toBeLessThanOrEqual(
        3 / customers,
      );
      // churn is drawn with the stated probability, dropped when the active window is too short
      within4se(t.churners / t.customers, (churn as number) / 100, t.customers, `${segment} churn`);
      // planted pairs add a few lines to the drawn ones: within 10%
      expect(t.lines / t.orders / (linesPerOrder as number), `${segment} lines/order`).toBeGreaterThan(0.97);
      expect(t.lines / t.orders / (linesPerOrder as number), `${segment} lines/order`).toBeLessThan(1.1);
      // orders per 30.44 active days; every customer's first order is forced, which inflates short
      // windows: the new segment (at most 120 days) is only checked to be above the stated rate
      const rate = (t.orders / t.activeDays) * (365.2425 / 12);
      if (segment === "new") expect(rate).toBeGreaterThan(ordersPerMonth as number);
      else
        expect(Math.abs(rate / (ordersPerMonth as number) - 1), `${segment} orders/month`).toBeLessThan(0.2);
    }
  });

  it("planted.notes states the complaint, delivery and inventory rates the records show", () => {
    const complaints = stores.flatMap((store) => store.complaints);
    const deliveries = stores.flatMap((store) => store.deliveries);
    const counts = stores.flatMap((store) => store.inventoryCounts);
    const complaintNote = note(stores[0] as Store, "Complaints");
    const [responseHours, resolutionDays] = numbers(
      complaintNote,
      /first response median ([\d.]+) h, resolution median ([\d.]+) days \(medium severity\)/,
    ) as [number, number];
    const [firstContact, reopened] = numbers(
      complaintNote,
      /about ([\d.]+)% first-contact resolution, ([\d.]+)% reopened/,
    ) as [number, number];
    const median = (values: number[]) => {
      const sorted = values.slice().sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] as number;
    };
    const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
    expect(
      median(complaints.map((c) => hours(c.openedAt, c.firstResponseAt))) / responseHours,
    ).toBeGreaterThan(0.8);
    expect(median(complaints.map((c) => hours(c.openedAt, c.firstResponseAt))) / responseHours).toBeLessThan(
      1.2,
    );
    const medium = complaints.filter((c) => c.severity === "medium" && !c.reopened && c.resolvedAt !== null);
    const mediumDays = median(medium.map((c) => hours(c.openedAt, c.resolvedAt as string) / 24));
    expect(mediumDays / resolutionDays).toBeGreaterThan(0.75);
    expect(mediumDays / resolutionDays).toBeLessThan(1.25);
    // "about" 70%: rounded to 5%, so allow the rounding on top of sampling noise
    expect(
      Math.abs(complaints.filter((c) => c.contacts === 1).length / complaints.length - firstContact / 100),
    ).toBeLessThan(0.025 + 4 * Math.sqrt((0.7 * 0.3) / complaints.length));
    within4se(
      complaints.filter((c) => c.reopened).length / complaints.length,
      reopened / 100,
      complaints.length,
      "reopened",
    );

    const deliveryNote = note(stores[0] as Store, "Deliveries");
    const [onTime, failed, lost, damaged, inStock, exact] = numbers(
      deliveryNote,
      /([\d.]+)% on time, ([\d.]+)% failed, ([\d.]+)% lost, ([\d.]+)% damaged, ([\d.]+)% in stock\. Inventory counted at each month end: ([\d.]+)% exact/,
    ) as [number, number, number, number, number, number];
    const delivered = deliveries.filter((d) => d.deliveredDate !== null);
    const share = <R>(rows: readonly R[], test: (row: R) => boolean) =>
      rows.filter(test).length / rows.length;
    // on time is among delivered parcels; failed, lost and in stock among all; damage applies to delivered ones
    within4se(
      share(delivered, (d) => (d.deliveredDate as string) <= d.promisedDate),
      onTime / 100,
      delivered.length,
      "on time",
    );
    within4se(
      share(deliveries, (d) => d.status === "failed"),
      failed / 100,
      deliveries.length,
      "failed",
    );
    within4se(
      share(deliveries, (d) => d.status === "lost"),
      lost / 100,
      deliveries.length,
      "lost",
    );
    within4se(
      share(delivered, (d) => d.damaged),
      damaged / 100,
      delivered.length,
      "damaged",
    );
    within4se(
      share(deliveries, (d) => d.inStock),
      inStock / 100,
      deliveries.length,
      "in stock",
    );
    within4se(
      share(counts, (c) => c.countedQuantity === c.systemQuantity),
      exact / 100,
      counts.length,
      "exact counts",
    );
  });
});

describe("generateStore churn slowdown", () => {
  it("churners order less often in the 90 days before their churn date (pooled over three seeds)", () => {
    let ordersBefore = 0;
    let daysBefore = 0;
    let ordersLate = 0;
    let daysLate = 0;
    for (const store of stores) {
      const signup = new Map(store.customers.map((customer) => [customer.customerId, customer.signupDate]));
      const startDay = dayOf(store.options.start);
      const ordersOf = new Map<string, number[]>();
      for (const order of store.orders) {
        const list = ordersOf.get(order.customerId) ?? [];
        list.push(dayOf(order.date));
        ordersOf.set(order.customerId, list);
      }
      for (const churner of store.planted.churners) {
        const churnDay = dayOf(churner.churnDate);
        const first = Math.max(startDay, dayOf(signup.get(churner.customerId) as string));
        if (churnDay - 90 - first < 90) continue;
        for (const day of ordersOf.get(churner.customerId) ?? []) {
          if (day > churnDay - 90) ordersLate++;
          else ordersBefore++;
        }
        daysBefore += churnDay - 90 - first + 1;
        daysLate += 90;
      }
    }
    // planted: rate x0.5 in the last 90 days; pooled ratio is about 0.65 (first orders at signup inflate "before")
    expect(ordersLate / daysLate).toBeLessThan(0.85 * (ordersBefore / daysBefore));
  });
});
