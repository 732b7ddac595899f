/**
 * The columnar first pass of `generateStore`: customers, orders and order
 * lines as typed arrays (no per-line objects), orders in generation order
 * (customer by customer). `generateStore` sorts and materialises them.
 * @internal
 */
import type { Random } from "../../core/index.js";
import {
  BABY_WEIGHT_WITH_BABY,
  BABY_WEIGHT_WITHOUT_BABY,
  PLANTED_PAIRS,
  PRODUCTS,
  SEGMENT_PROFILES,
} from "./catalog.js";
import { cumulativeOf, drawCumulative, FloatColumn, IntColumn } from "./columns.js";

/** Days in a mean Gregorian month. */
export const DAYS_PER_MONTH = 365.2425 / 12;
/** Customers who do not start as "new" sign up up to this many days before the first day of trading. */
export const SIGNUP_LOOKBACK_DAYS = 730;
/** "New" customers sign up during the last this many days of the period. */
export const NEW_CUSTOMER_DAYS = 120;
/** Share of established customers who signed up before the first day of trading. */
export const SIGNED_UP_BEFORE_START = 0.6;
/** Churn dates fall at least this many days after the start of the customer's active window... */
export const CHURN_MIN_ACTIVE_DAYS = 60;
/** ...and at least this many days before the last day of trading. */
export const CHURN_MIN_DAYS_BEFORE_END = 45;
/** During this many days before the churn date, the purchase rate is multiplied by CHURN_SLOWDOWN. */
export const CHURN_SLOWDOWN_DAYS = 90;
export const CHURN_SLOWDOWN = 0.5;
/** Yearly price inflation. */
export const YEARLY_INFLATION = 0.025;
/** Promotion discount. */
export const PROMOTION_DISCOUNT = 0.2;
/** Probability an order is refunded in full. */
export const FULL_REFUND_RATE = 0.008;
/** Probability a purchase line is (partly) refunded: electronics accessories, other categories. */
export const LINE_REFUND_RATE_ELECTRONICS = 0.06;
export const LINE_REFUND_RATE = 0.02;
/** Refunds happen 0..REFUND_MAX_DAYS days after the purchase (never after the customer's last active day). */
export const REFUND_MAX_DAYS = 14;

export const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;
const AGE_WEIGHTS = [0.1, 0.2, 0.22, 0.2, 0.16, 0.12];
/** Probability of a baby at home by age band. */
const BABY_BY_AGE = [0.05, 0.45, 0.35, 0.04, 0.01, 0.01];
/** Expected share of households with a baby at home (about 0.18). */
export const BABY_HOUSEHOLD_SHARE = AGE_WEIGHTS.reduce(
  (sum, weight, band) => sum + weight * (BABY_BY_AGE[band] as number),
  0,
);
export const REGIONS = ["north", "south", "east", "west", "central"] as const;
const REGION_WEIGHTS = [0.18, 0.22, 0.2, 0.17, 0.23];
export const CUSTOMER_CHANNELS = ["online", "store", "both"] as const;
const CHANNEL_WEIGHTS = [0.25, 0.45, 0.3];

/** The trading period as day numbers. */
export interface Period {
  readonly startDay: number;
  readonly endDay: number;
  /** Number of price periods (months + 1). */
  readonly months: number;
}

/** Output of the columnar pass. */
export interface Simulation {
  readonly customerCount: number;
  readonly segment: Uint8Array;
  readonly signupDay: Int32Array;
  /** Day after which no more orders, or -1. */
  readonly churnDay: Int32Array;
  readonly hasBaby: Uint8Array;
  readonly ageBand: Uint8Array;
  readonly region: Uint8Array;
  readonly channel: Uint8Array;
  readonly firstOrderDay: Int32Array;
  /** Index (generation order) of the customer's last order. */
  readonly lastOrder: Int32Array;

  readonly orderCount: number;
  readonly orderCustomer: Int32Array;
  readonly orderDay: Int32Array;
  /** 0 online, 1 store. */
  readonly orderChannel: Uint8Array;
  /** First line of the order; lines of order i are orderLineStart[i] .. orderLineStart[i + 1] - 1. */
  readonly orderLineStart: Int32Array;
  readonly orderPurchaseLines: Int32Array;
  readonly orderTotalCents: Float64Array;

  readonly lineCount: number;
  readonly lineProduct: Int32Array;
  /** Negative on refund lines. */
  readonly lineQuantity: Int32Array;
  readonly linePriceCents: Int32Array;
  readonly lineDay: Int32Array;
}

function quotas(count: number): Uint8Array {
  // Largest-remainder quotas per segment, so small stores keep the documented mix.
  const exact = SEGMENT_PROFILES.map((profile) => profile.share * count);
  const floors = exact.map(Math.floor);
  let left = count - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  order.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] as number) + 1;
    left--;
  }
  const codes = new Uint8Array(count);
  let at = 0;
  floors.forEach((size, segment) => {
    codes.fill(segment, at, at + size);
    at += size;
  });
  return codes;
}

/** Product draw tables: one cumulative weight array per segment x baby-at-home. */
function productTables(): Float64Array[] {
  const tables: Float64Array[] = [];
  for (const profile of SEGMENT_PROFILES) {
    for (const baby of [false, true]) {
      const weights = PRODUCTS.map((product) => {
        let weight = product.popularity * (profile.categoryWeights[product.category] ?? 1);
        weight *= (product.price / 4) ** profile.priceExponent;
        if (product.category === "baby") weight *= baby ? BABY_WEIGHT_WITH_BABY : BABY_WEIGHT_WITHOUT_BABY;
        return weight;
      });
      tables.push(cumulativeOf(weights));
    }
  }
  return tables;
}

/**
 * Runs the columnar pass for up to `customerCount` customers. `random` is consumed. With a finite
 * `lineTarget`, stops at the first customer whose orders bring the line count to the target, keeping
 * them only if that lands nearer the target, so the result is within half a customer's lines of the
 * target (if `customerCount` customers suffice).
 */
export function simulate(
  customerCount: number,
  period: Period,
  random: Random,
  lineTarget = Number.POSITIVE_INFINITY,
): Simulation {
  const { startDay, endDay } = period;
  const periodDays = endDay - startDay + 1;
  const people = random.fork();
  const shopping = random.fork();

  // --- customers -------------------------------------------------------------------------------
  const segment = Uint8Array.from(people.shuffle(Array.from(quotas(customerCount))));
  const signupDay = new Int32Array(customerCount);
  const churnDay = new Int32Array(customerCount).fill(-1);
  const hasBaby = new Uint8Array(customerCount);
  const ageBand = new Uint8Array(customerCount);
  const region = new Uint8Array(customerCount);
  const channel = new Uint8Array(customerCount);
  const rateMultiplier = new Float64Array(customerCount);
  const basketMultiplier = new Float64Array(customerCount);
  const ageCumulative = cumulativeOf(AGE_WEIGHTS);
  const regionCumulative = cumulativeOf(REGION_WEIGHTS);
  const channelCumulative = cumulativeOf(CHANNEL_WEIGHTS);
  const newSegment = SEGMENT_PROFILES.findIndex((profile) => profile.segment === "new");
  for (let c = 0; c < customerCount; c++) {
    const s = segment[c] as number;
    const profile = SEGMENT_PROFILES[s] as (typeof SEGMENT_PROFILES)[number];
    let signup: number;
    if (s === newSegment) {
      signup = Math.max(startDay, endDay - people.integer(NEW_CUSTOMER_DAYS));
    } else if (people.float() < SIGNED_UP_BEFORE_START) {
      signup = startDay - 1 - people.integer(SIGNUP_LOOKBACK_DAYS);
    } else {
      signup = startDay + people.integer(Math.max(1, periodDays - 150));
    }
    signupDay[c] = signup;
    if (people.float() < profile.churnProbability) {
      const low = Math.max(startDay, signup) + CHURN_MIN_ACTIVE_DAYS;
      const high = endDay - CHURN_MIN_DAYS_BEFORE_END;
      if (high > low) churnDay[c] = low + people.integer(high - low + 1);
    }
    const age = drawCumulative(ageCumulative, people.float());
    ageBand[c] = age;
    hasBaby[c] = people.float() < (BABY_BY_AGE[age] as number) ? 1 : 0;
    region[c] = drawCumulative(regionCumulative, people.float());
    channel[c] = drawCumulative(channelCumulative, people.float());
    rateMultiplier[c] = Math.exp(people.normal(-0.045, 0.3));
    basketMultiplier[c] = Math.exp(people.normal(-0.02, 0.2));
  }

  // --- price table: cents per product per month of trading, with inflation --------------------
  const productCount = PRODUCTS.length;
  const priceMonths = period.months + 1;
  const priceCents = new Int32Array(productCount * priceMonths);
  const promotionCents = new Int32Array(productCount * priceMonths);
  for (let p = 0; p < productCount; p++) {
    const price = (PRODUCTS[p] as (typeof PRODUCTS)[number]).price;
    for (let m = 0; m < priceMonths; m++) {
      const cents = Math.round(price * 100 * (1 + YEARLY_INFLATION) ** (m / 12));
      priceCents[p * priceMonths + m] = cents;
      promotionCents[p * priceMonths + m] = Math.round(cents * (1 - PROMOTION_DISCOUNT));
    }
  }
  const extraUnits = Float64Array.from(PRODUCTS, (product) => product.extraUnits);
  const refundRate = Float64Array.from(PRODUCTS, (product) =>
    product.category === "electronics accessories" ? LINE_REFUND_RATE_ELECTRONICS : LINE_REFUND_RATE,
  );
  const productIndex = new Map(PRODUCTS.map((product, index) => [product.name, index]));
  const pairCount = PLANTED_PAIRS.length;
  const pairAntecedent = Int32Array.from(PLANTED_PAIRS, (pair) => productIndex.get(pair.antecedent) ?? -1);
  const pairConsequent = Int32Array.from(PLANTED_PAIRS, (pair) => productIndex.get(pair.consequent) ?? -1);
  const pairProbability = Float64Array.from(PLANTED_PAIRS, (pair) => pair.probability);
  const tables = productTables();
  const segmentOrdersPerDay = Float64Array.from(SEGMENT_PROFILES, (p) => p.ordersPerMonth / DAYS_PER_MONTH);
  const segmentLines = Float64Array.from(SEGMENT_PROFILES, (p) => p.linesPerOrder);
  const segmentQuantity = Float64Array.from(SEGMENT_PROFILES, (p) => p.quantityMultiplier);
  const segmentPromotion = Float64Array.from(SEGMENT_PROFILES, (p) => p.promotionRate);

  // --- orders and lines ------------------------------------------------------------------------
  const expectedLines = customerCount * 45;
  const orderCustomer = new IntColumn(expectedLines / 4);
  const orderDay = new IntColumn(expectedLines / 4);
  const orderChannel = new IntColumn(expectedLines / 4);
  const orderLineStart = new IntColumn(expectedLines / 4);
  const orderPurchaseLines = new IntColumn(expectedLines / 4);
  const orderTotalCents = new FloatColumn(expectedLines / 4);
  const lineProduct = new IntColumn(expectedLines);
  const lineQuantity = new IntColumn(expectedLines);
  const linePriceCents = new IntColumn(expectedLines);
  const lineDay = new IntColumn(expectedLines);
  const firstOrderDay = new Int32Array(customerCount).fill(-1);
  const lastOrder = new Int32Array(customerCount).fill(-1);
  const stamp = new Int32Array(productCount);
  let stampValue = 0;
  // Hot-loop draws use one 32-bit word per uniform (ample resolution for these probabilities) and
  // Poisson by multiplication with precomputed exp(-lambda).
  const uniform = (): number => shopping.nextUint32() * 2.3283064365386963e-10;
  const poissonBelow = (limit: number): number => {
    let k = 0;
    let product = uniform();
    while (product > limit) {
      k++;
      product *= uniform();
    }
    return k;
  };
  const segmentCount = SEGMENT_PROFILES.length;
  const extraUnitsLimit = new Float64Array(segmentCount * productCount);
  for (let s = 0; s < segmentCount; s++) {
    for (let p = 0; p < productCount; p++) {
      extraUnitsLimit[s * productCount + p] = Math.exp(
        -(extraUnits[p] as number) * (segmentQuantity[s] as number),
      );
    }
  }

  let usedCustomers = customerCount;
  for (let c = 0; c < customerCount; c++) {
    const linesBefore = lineProduct.length;
    const ordersBefore = orderCustomer.length;
    if (linesBefore >= lineTarget) {
      usedCustomers = c;
      break;
    }
    const s = segment[c] as number;
    const table = tables[s * 2 + (hasBaby[c] as number)] as Float64Array;
    const churn = churnDay[c] as number;
    const windowStart = Math.max(startDay, signupDay[c] as number);
    const windowEnd = churn >= 0 ? churn : endDay;
    const rate = (segmentOrdersPerDay[s] as number) * (rateMultiplier[c] as number);
    const extraLinesLimit = Math.exp(
      -Math.max(0, (segmentLines[s] as number) * (basketMultiplier[c] as number) - 1),
    );
    const unitsOffset = s * productCount;
    const promotionRate = segmentPromotion[s] as number;
    const customerChannel = channel[c] as number;
    const slowFrom = churn >= 0 ? churn - CHURN_SLOWDOWN_DAYS : Number.POSITIVE_INFINITY;

    // Order days: a Poisson process over the active window, slower before churn; at least one order.
    let time: number;
    if ((signupDay[c] as number) >= startDay && shopping.float() < 0.6) time = windowStart;
    else time = windowStart + shopping.exponential(rate);
    let placed = 0;
    for (;;) {
      let day = Math.floor(time);
      if (day > windowEnd) {
        if (placed > 0) break;
        day = windowStart + shopping.integer(windowEnd - windowStart + 1);
      }
      // One order on `day`.
      const orderChannelCode = customerChannel === 2 ? (uniform() < 0.5 ? 0 : 1) : customerChannel;
      const month = Math.min(priceMonths - 1, Math.floor((day - startDay) / DAYS_PER_MONTH));
      const lineStart = lineProduct.length;
      stampValue++;
      let totalCents = 0;
      const drawn = 1 + poissonBelow(extraLinesLimit);
      for (let k = 0; k < drawn + pairCount; k++) {
        let product = -1;
        if (k < drawn) {
          for (let attempt = 0; attempt < 3; attempt++) {
            const candidate = drawCumulative(table, uniform());
            if (stamp[candidate] !== stampValue) {
              product = candidate;
              break;
            }
          }
        } else {
          const pair = k - drawn;
          const consequent = pairConsequent[pair] as number;
          if (
            stamp[pairAntecedent[pair] as number] === stampValue &&
            stamp[consequent] !== stampValue &&
            uniform() < (pairProbability[pair] as number)
          ) {
            product = consequent;
          }
        }
        if (product < 0) continue;
        stamp[product] = stampValue;
        const quantity = 1 + poissonBelow(extraUnitsLimit[unitsOffset + product] as number);
        const cents =
          uniform() < promotionRate
            ? (promotionCents[product * priceMonths + month] as number)
            : (priceCents[product * priceMonths + month] as number);
        lineProduct.push(product);
        lineQuantity.push(quantity);
        linePriceCents.push(cents);
        lineDay.push(day);
        totalCents += quantity * cents;
      }
      const purchaseEnd = lineProduct.length;
      // Refunds: the whole order, or single lines.
      const fullRefund = uniform() < FULL_REFUND_RATE;
      for (let line = lineStart; line < purchaseEnd; line++) {
        const product = lineProduct.data[line] as number;
        if (!fullRefund && uniform() >= (refundRate[product] as number)) continue;
        const bought = lineQuantity.data[line] as number;
        const returned = fullRefund ? bought : 1 + shopping.integer(bought);
        lineProduct.push(product);
        lineQuantity.push(-returned);
        linePriceCents.push(linePriceCents.data[line] as number);
        lineDay.push(Math.min(windowEnd, day + shopping.integer(REFUND_MAX_DAYS + 1)));
      }
      orderCustomer.push(c);
      orderDay.push(day);
      orderChannel.push(orderChannelCode);
      orderLineStart.push(lineStart);
      orderPurchaseLines.push(purchaseEnd - lineStart);
      orderTotalCents.push(totalCents);
      if (placed === 0) firstOrderDay[c] = day;
      lastOrder[c] = orderCustomer.length - 1;
      placed++;
      if (time > windowEnd) break; // the forced single order
      time += shopping.exponential(time >= slowFrom ? rate * CHURN_SLOWDOWN : rate);
    }
    // Target reached: keep this customer only if that lands nearer the target than leaving them out.
    const linesAfter = lineProduct.length;
    if (linesAfter >= lineTarget) {
      if (c > 0 && linesAfter - lineTarget > lineTarget - linesBefore) {
        lineProduct.length = lineQuantity.length = linePriceCents.length = lineDay.length = linesBefore;
        orderCustomer.length = orderDay.length = orderChannel.length = ordersBefore;
        orderLineStart.length = orderPurchaseLines.length = orderTotalCents.length = ordersBefore;
        usedCustomers = c;
      } else {
        usedCustomers = c + 1;
      }
      break;
    }
  }
  orderLineStart.push(lineProduct.length);

  const used = usedCustomers;
  return {
    customerCount: used,
    segment: segment.subarray(0, used),
    signupDay: signupDay.subarray(0, used),
    churnDay: churnDay.subarray(0, used),
    hasBaby: hasBaby.subarray(0, used),
    ageBand: ageBand.subarray(0, used),
    region: region.subarray(0, used),
    channel: channel.subarray(0, used),
    firstOrderDay: firstOrderDay.subarray(0, used),
    lastOrder: lastOrder.subarray(0, used),
    orderCount: orderCustomer.length,
    orderCustomer: orderCustomer.data.subarray(0, orderCustomer.length),
    orderDay: orderDay.data.subarray(0, orderDay.length),
    orderChannel: Uint8Array.from(orderChannel.data.subarray(0, orderChannel.length)),
    orderLineStart: orderLineStart.data.subarray(0, orderLineStart.length),
    orderPurchaseLines: orderPurchaseLines.data.subarray(0, orderPurchaseLines.length),
    orderTotalCents: orderTotalCents.data.subarray(0, orderTotalCents.length),
    lineCount: lineProduct.length,
    lineProduct: lineProduct.data.subarray(0, lineProduct.length),
    lineQuantity: lineQuantity.data.subarray(0, lineQuantity.length),
    linePriceCents: linePriceCents.data.subarray(0, linePriceCents.length),
    lineDay: lineDay.data.subarray(0, lineDay.length),
  };
}
