/** Record invariants and stream fingerprints of generated stores, shared by the store's test files. */
import { expect } from "vitest";
import type { Store } from "../../src/store/types.js";

export const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** Every broken record invariant of a store, as readable messages (empty when all hold). */
export function invariantViolations(store: Store): string[] {
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
export function storeFingerprints(store: Store): Record<string, string> {
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
export const STREAM_FINGERPRINTS = {
  customers: "200:d0e4e940",
  orders: "1033:c0cd185a",
  orderLines: "4412:9df6feac",
  surveys: "65:efbfa257",
  complaints: "35:6376267a",
  deliveries: "484:249dbe8a",
  inventoryCounts: "984:6a5ca7c1",
  planted: "72d4d490",
};

export function expectInvariants(store: Store): void {
  expect(invariantViolations(store)).toEqual([]);
}
