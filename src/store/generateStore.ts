import { createRandom, type Random } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric, seed, textWhere } from "../core/internal/optionRules.js";
import { addMonths, calendarOf, DayTable, dayNumber, daysInMonth } from "./internal/calendar.js";
import { PLANTED_PAIRS, PRODUCTS, SEGMENT_PROFILES } from "./internal/catalog.js";
import { cumulativeOf, drawCumulative } from "./internal/columns.js";
import {
  AGE_BANDS,
  BABY_HOUSEHOLD_SHARE,
  CHURN_MIN_ACTIVE_DAYS,
  CHURN_MIN_DAYS_BEFORE_END,
  CHURN_SLOWDOWN,
  CHURN_SLOWDOWN_DAYS,
  CUSTOMER_CHANNELS,
  NEW_CUSTOMER_DAYS,
  type Period,
  REGIONS,
  SIGNUP_LOOKBACK_DAYS,
  type Simulation,
  simulate,
} from "./internal/simulate.js";
import { createSurveyModel, SURVEY_ITEMS } from "./internal/survey.js";
import type {
  ComplaintCategory,
  PlantedAssociation,
  PlantedSegment,
  Store,
  StoreComplaint,
  StoreCustomer,
  StoreDelivery,
  StoreInventoryCount,
  StoreOptions,
  StoreOrder,
  StoreOrderLine,
  StoreSurveyResponse,
} from "./types.js";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && year >= 1900 && year <= 2200
  );
}

/** The rules of generateStore's options (its defaults: {@link STORE_DEFAULTS}). */
export const generateStoreShape = {
  seed: seed(),
  customers: numeric({
    gte: 1,
    lte: 100_000,
    whole: true,
    messages: {
      lte: "at most 100 000 customers (about 4 million lines)",
      whole: "expected a whole number of customers",
    },
  }),
  orderLines: numeric({
    gte: 1,
    lte: 5_000_000,
    whole: true,
    messages: { lte: "at most 5 000 000 order lines", whole: "expected a whole number of order lines" },
  }),
  start: textWhere((text) =>
    isCalendarDay(text) ? undefined : "expected an ISO calendar date YYYY-MM-DD between 1900 and 2200",
  ),
  months: numeric({
    gte: 1,
    lte: 240,
    whole: true,
    messages: { whole: "expected a whole number of months" },
  }),
  surveyRate: numeric({ gte: 0, lte: 1 }),
};

/** The defaults of generateStore's options. */
export const STORE_DEFAULTS = { seed: 1, start: "2024-01-01", months: 24, surveyRate: 0.3 } as const;

/** Complaint rate per order. */
const COMPLAINT_RATE = 0.015;
/** Share of churners whose last order before churning draws a complaint (the complaint that made them leave). */
const COMPLAINT_DRIVEN_CHURN = 0.4;
/** Multiplier of the complaint rate in the 120 days before a customer's churn date. */
const COMPLAINT_CHURN_MULTIPLIER = 3;
const COMPLAINT_CHURN_DAYS = 120;
/** Multiplier of the complaint rate after a late, failed, lost or damaged delivery. */
const COMPLAINT_DELIVERY_MULTIPLIER = 8;
const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  "product and accessories",
  "service attitude",
  "service quality",
  "incident",
];
const COMPLAINT_CATEGORY_WEIGHTS = cumulativeOf([0.4, 0.2, 0.25, 0.15]);
const SEVERITIES = ["low", "medium", "high", "critical"] as const;
const SEVERITY_WEIGHTS = cumulativeOf([0.45, 0.35, 0.15, 0.05]);
/** Median resolution time (minutes) and log-sd, per severity: heavier tails for higher severity. */
const RESOLUTION_MEDIAN_MINUTES = [0.7 * 2880, 2880, 1.6 * 2880, 2.5 * 2880];
const RESOLUTION_LOG_SD = [0.7, 0.8, 1.0, 1.2];
const FIRST_RESPONSE_MEDIAN_MINUTES = 240;
const FIRST_RESPONSE_LOG_SD = 1.0;
const REOPENED_RATE = 0.08;
const FIRST_CONTACT_RESOLUTION = 0.77; // among complaints not reopened: 0.92 * 0.77 ≈ 0.71 overall
const UNRESOLVED_RATE = 0.015;
const UNLINKED_COMPLAINT_RATE = 0.1;

const ON_TIME_RATE = 0.92;
const FAILED_RATE = 0.02;
const LOST_RATE = 0.005;
const DAMAGED_RATE = 0.015;
const IN_STOCK_RATE = 0.96;

const INVENTORY_EXACT_RATE = 0.95;

/** Satisfaction shift (latent sd units) by segment. */
const SEGMENT_SATISFACTION_SHIFT: Readonly<Record<PlantedSegment, number>> = {
  champions: 0.45,
  "loyal regulars": 0.35,
  "bargain hunters": -0.15,
  "big spenders": 0.1,
  occasional: -0.2,
  new: 0,
};
const CHURNER_SHIFT = -0.35;
const CHURN_PROXIMITY_SHIFT = -0.9;
const CHURN_PROXIMITY_DAYS = 120;
const COMPLAINT_SHIFT = -0.7;

/** Lines per customer measured on a pilot run, per period (start|months). */
const linesPerCustomerCache = new Map<string, number>();
const PILOT_CUSTOMERS = 3000;

function linesPerCustomer(period: Period, key: string): number {
  const cached = linesPerCustomerCache.get(key);
  if (cached !== undefined) return cached;
  const pilot = simulate(PILOT_CUSTOMERS, period, createRandom(0x5eed));
  const value = pilot.lineCount / PILOT_CUSTOMERS;
  if (linesPerCustomerCache.size >= 64) linesPerCustomerCache.clear();
  linesPerCustomerCache.set(key, value);
  return value;
}

function padded(prefix: string, width: number): (index: number) => string {
  return (index) => prefix + String(index).padStart(width, "0");
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function logNormal(random: Random, median: number, logSd: number): number {
  return median * Math.exp(logSd * random.normal());
}

/**
 * Generates a seeded, realistic sample store: customers, orders, order lines
 * (refunds as negative lines), satisfaction surveys, complaints, deliveries and
 * monthly inventory counts, with structures planted for every clientele
 * module to find. Same options, identical store on every platform (only
 * {@link createRandom} is used); different seeds give different stores.
 *
 * The catalog has 82 products in 12 categories (fresh produce, dairy, bakery, meat & fish, pantry,
 * snacks, beverages, beer & wine, baby, household, personal care, electronics accessories) with list
 * prices that rise 2.5% a year; 20% promotions. Customers: ids `C00001`..., signup date (up to two years
 * before the start, or during the period), age band, region, channel (online 25%, store 45%, both 30%).
 * Every customer orders at least once, never before signing up, never after churning. Orders: ids
 * `O0000001`... in date order; lines grouped by order, refund lines right after their order's purchase
 * lines: each purchase line is partly or fully refunded with probability 2% (6% for electronics
 * accessories) and 0.8% of orders are refunded in full (together about 3% of purchase lines on the
 * default store), dated 0-14 days after the purchase (never after the churn date or the end).
 *
 * What is planted (also listed in `store.planted.notes`):
 * - **Associations** (`planted.associations`): when a basket holds the antecedent, the consequent is
 *   added with probability `confidence` (if not already there): diapers ⇒ beer 0.6 ("fathers sent out
 *   for diapers pick up beer"), pasta ⇒ pasta sauce 0.5, tortilla chips ⇒ salsa 0.55, hot dogs ⇒ hot dog
 *   buns 0.65, phone case ⇒ screen protector 0.45. The consequents are rare on their own, so on the
 *   default store each rule shows support > 0.005, confidence at least its `confidence` minus sampling
 *   noise (tests allow 0.08) and lift > 3 (typically 8-20). Only households with a baby (about 18%,
 *   mostly aged 25-44) buy baby items, so baby items co-occur with each other and, through diapers,
 *   with beer: expect secondary rules such as baby wipes ⇒ diapers.
 * - **Segments** (`customer.segment`, `planted.segments`): champions 7% (1.5 orders/month, 6 lines,
 *   dearer items), loyal regulars 18% (0.75 orders/month, 4 lines), bargain hunters 18% (1.05
 *   orders/month, 2.6 lines of cheap items, 45% on promotion), big spenders 8% (0.22 orders/month, 11
 *   lines of dear items, electronics and wine), occasional 37% (0.14 orders/month, 2.4 lines, snacks
 *   and drinks), new 12% (signed up in the last 120 days, 1 order/month). Each customer's rate and
 *   basket size vary log-normally (sd 0.3 and 0.2) around the segment's. On log recency, frequency,
 *   monetary and mean basket value every pair of segments is more than 1.5 pooled sd apart on at least
 *   one feature.
 * - **Churn** (`customer.churnDate`, `planted.churners`): churn probability champions 4%, loyal
 *   regulars 12%, bargain hunters 36%, big spenders 15%, occasional 38%, new 0% (about 24% overall);
 *   churn dates uniform from 60 days after the customer's first active day to 45 days before the end;
 *   no order after the churn date; purchase rate halved in the 90 days before it; complaint rate
 *   tripled in the 120 days before it, and 40% of churners complain about their last order.
 * - **Surveys**: a `surveyRate` share of customers answer once, on a day between their first order and
 *   their churn date (or the end). 24 ECSI items on 1..10 from a standardised latent model with the 12
 *   ECSI paths (Image → Expectation, Satisfaction, Loyalty; Expectation → Quality, Value, Satisfaction;
 *   Quality → Value, Satisfaction; Value → Satisfaction; Satisfaction → Complaints, Loyalty; Complaints
 *   → Loyalty), loadings 0.7-0.9 (CUSL2 0.45), item means as in the ECSI mobile-phone data; NPS 0..10
 *   driven by loyalty and satisfaction. Satisfaction is shifted (in latent sd) by segment (champions
 *   +0.45, loyal regulars +0.35, big spenders +0.1, bargain hunters -0.15, occasional -0.2), for
 *   churners (-0.35, falling to -1.25 close to the churn date) and after a complaint (-0.7).
 * - **Complaints** on 1.5% of orders (×3 before churn, ×8 after a late, failed, lost or damaged
 *   delivery; about 3% of orders in all): categories product and accessories, service attitude, service
 *   quality, incident; severity low 45%, medium 35%, high 15%, critical 5%; first response log-normal,
 *   median 4 h; resolution median 2 days (medium severity) scaled 0.7/1/1.6/2.5 by severity with wider tails; 70%
 *   resolved at first contact, 8% reopened; `resolvedAt: null` when still open at the end (or 1.5% never
 *   resolved); 10% not tied to an order.
 * - **Deliveries** of online orders: promised 1-3 days after the order, 92% delivered on time, 2%
 *   failed, 0.5% lost, 1.5% damaged, 96% in stock. **Inventory counts** on each month end inside the
 *   period for every product: 95% exact, otherwise a gap of 1 + Poisson(2) units, 80% shrinkage.
 *
 * Cost: linear in the number of lines (a columnar pass over typed arrays, then one object per record);
 * 1M order lines take 2-4 s and about 0.4 GB. With `orderLines`, customers are generated one by one
 * until their lines reach the target; the last one is kept only if that lands nearer the target, so
 * the store is within half a customer's lines of it (at most 1.3 times the customers a cached
 * 3000-customer pilot run suggests, plus 10, are drawn).
 *
 * @param options - see {@link StoreOptions}: `seed` (default 1), `customers` (default 1000) or
 *   `orderLines`, `start` (default "2024-01-01"), `months` (default 24), `surveyRate` (default 0.3)
 * @returns the records, what was planted (`planted`) and the resolved options
 * @throws InvalidOptionsError for unknown options, non-integer counts, `customers` outside 1..100 000,
 *   `orderLines` outside 1..5 000 000, a `start` that is not an ISO calendar date (1900-2200), `months`
 *   outside 1..240, a `surveyRate` outside 0..1 or a non-finite `seed`
 * @see Agrawal, Imieliński & Swami (1993), "Mining association rules between sets of items in large
 *   databases", SIGMOD, for market baskets; Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), "PLS
 *   path modeling", CSDA 48, for the ECSI model behind the survey.
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.customers.length;  // => 1000
 * store.orderLines.length; // => 42470
 * store.orderLines[0];
 * // => { orderId: "O0000001", customerId: "C00101", date: "2024-01-01", product: "sparkling water",
 * //      category: "beverages", quantity: 4, unitPrice: 0.71, amount: 2.84, refund: false }
 * store.planted.associations[0];
 * // => { antecedent: "diapers", consequent: "beer", confidence: 0.6, story: "fathers sent out for diapers pick up beer" }
 * store.planted.churners.length; // => 259
 * store.planted.end;             // => "2025-12-31"
 * generateStore({ orderLines: 100_000 }).orderLines.length; // => 100025
 * ```
 */
export function generateStore(options: StoreOptions = {}): Store {
  const parsed = withDefaults(checkOptions("generateStore", generateStoreShape, options), STORE_DEFAULTS);
  const { seed, start, months, surveyRate } = parsed;
  const startMatch = ISO_DAY.exec(start) as RegExpExecArray;
  const startDay = dayNumber(Number(startMatch[1]), Number(startMatch[2]), Number(startMatch[3]));
  const endDay = addMonths(startDay, months) - 1;
  const period: Period = { startDay, endDay, months };
  const random = createRandom(seed);
  let simulation: Simulation;
  if (parsed.orderLines === undefined) {
    simulation = simulate(parsed.customers ?? 1000, period, random.fork());
  } else {
    // Room for 30% more customers than the pilot's estimate; stop once the lines reach the target.
    const estimate = parsed.orderLines / linesPerCustomer(period, `${start}|${months}`);
    simulation = simulate(Math.ceil(estimate * 1.3) + 10, period, random.fork(), parsed.orderLines);
  }
  const customerCount = simulation.customerCount;
  const logistics = random.fork();
  const service = random.fork();
  const surveyRandom = random.fork();
  const stockRandom = random.fork();

  const days = new DayTable(startDay - SIGNUP_LOOKBACK_DAYS - 1, endDay + 90);
  const customerId = padded("C", Math.max(5, String(customerCount).length));
  const customerIds = Array.from({ length: customerCount }, (_, index) => customerId(index + 1));
  const segmentNames = SEGMENT_PROFILES.map((profile) => profile.segment);

  // --- customers ---------------------------------------------------------------------------------
  const customers: StoreCustomer[] = new Array(customerCount);
  const segments: Record<PlantedSegment, string[]> = {
    champions: [],
    "loyal regulars": [],
    "bargain hunters": [],
    "big spenders": [],
    occasional: [],
    new: [],
  };
  const churners: { customerId: string; churnDate: string }[] = [];
  for (let c = 0; c < customerCount; c++) {
    const id = customerIds[c] as string;
    const segment = segmentNames[simulation.segment[c] as number] as PlantedSegment;
    const churn = simulation.churnDay[c] as number;
    const churnDate = churn >= 0 ? days.iso(churn) : null;
    customers[c] = {
      customerId: id,
      signupDate: days.iso(simulation.signupDay[c] as number),
      ageBand: AGE_BANDS[simulation.ageBand[c] as number] as StoreCustomer["ageBand"],
      region: REGIONS[simulation.region[c] as number] as StoreCustomer["region"],
      channel: CUSTOMER_CHANNELS[simulation.channel[c] as number] as StoreCustomer["channel"],
      segment,
      churnDate,
    };
    segments[segment].push(id);
    if (churnDate !== null) churners.push({ customerId: id, churnDate });
  }

  // --- orders in date order (counting sort on the day; ties keep customer order) -----------------
  const sorted = sortOrdersByDay(simulation, startDay, endDay);
  const orderCount = simulation.orderCount;
  const orderId = padded("O", Math.max(7, String(orderCount).length));
  const productNames = PRODUCTS.map((product) => product.name);
  const productCategories = PRODUCTS.map((product) => product.category as string);
  const orders: StoreOrder[] = new Array(orderCount);
  const orderLines: StoreOrderLine[] = new Array(simulation.lineCount);
  const deliveries: StoreDelivery[] = [];
  const complaints: StoreComplaint[] = [];
  const firstComplaintDay = new Int32Array(customerCount).fill(-1);
  const complaintId = padded("K", 6);
  const complaintDriven = new Uint8Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    if ((simulation.churnDay[c] as number) >= 0 && service.float() < COMPLAINT_DRIVEN_CHURN)
      complaintDriven[c] = 1;
  }
  const { orderLineStart, lineProduct, lineQuantity, linePriceCents, lineDay } = simulation;
  const endMinute = (endDay + 1) * 1440 - 1;
  let lineAt = 0;
  for (let rank = 0; rank < orderCount; rank++) {
    const o = sorted[rank] as number;
    const c = simulation.orderCustomer[o] as number;
    const id = orderId(rank + 1);
    const customer = customerIds[c] as string;
    const day = simulation.orderDay[o] as number;
    const date = days.iso(day);
    const online = simulation.orderChannel[o] === 0;
    orders[rank] = {
      orderId: id,
      customerId: customer,
      date,
      channel: online ? "online" : "store",
      lineCount: simulation.orderPurchaseLines[o] as number,
      total: (simulation.orderTotalCents[o] as number) / 100,
    };
    const lineEnd = orderLineStart[o + 1] as number;
    for (let line = orderLineStart[o] as number; line < lineEnd; line++) {
      const product = lineProduct[line] as number;
      const quantity = lineQuantity[line] as number;
      const unitPrice = (linePriceCents[line] as number) / 100;
      const lineDate = lineDay[line] as number;
      orderLines[lineAt++] = {
        orderId: id,
        customerId: customer,
        date: lineDate === day ? date : days.iso(lineDate),
        product: productNames[product] as string,
        category: productCategories[product] as string,
        quantity,
        unitPrice,
        amount: round2(quantity * unitPrice),
        refund: quantity < 0,
      };
    }

    // Delivery of an online order.
    let deliveryProblem = false;
    if (online) {
      const promised = day + 1 + logistics.integer(3);
      const u = logistics.float();
      const status: StoreDelivery["status"] =
        u < FAILED_RATE ? "failed" : u < FAILED_RATE + LOST_RATE ? "lost" : "delivered";
      let delivered: number | null = null;
      if (status === "delivered") {
        delivered =
          logistics.float() < ON_TIME_RATE
            ? Math.max(day, promised - logistics.integer(2))
            : promised + 1 + logistics.poisson(1.5);
      }
      const damaged = status === "delivered" && logistics.float() < DAMAGED_RATE;
      const inStock = logistics.float() < IN_STOCK_RATE;
      deliveryProblem = status !== "delivered" || damaged || (delivered as number) > promised;
      deliveries.push({
        orderId: id,
        customerId: customer,
        promisedDate: days.iso(promised),
        deliveredDate: delivered === null ? null : days.iso(delivered),
        status,
        damaged,
        inStock,
      });
    }

    // Complaint about the order.
    const churn = simulation.churnDay[c] as number;
    let rate = COMPLAINT_RATE;
    if (churn >= 0 && day >= churn - COMPLAINT_CHURN_DAYS) rate *= COMPLAINT_CHURN_MULTIPLIER;
    if (deliveryProblem) rate *= COMPLAINT_DELIVERY_MULTIPLIER;
    if (complaintDriven[c] === 1 && simulation.lastOrder[c] === o) rate = 1;
    if (service.float() < rate) {
      const lastDay = churn >= 0 ? churn : endDay;
      const openedDay = Math.min(lastDay, day + service.integer(8));
      const openedMinute = openedDay * 1440 + 480 + service.integer(720);
      const category = deliveryProblem
        ? service.float() < 0.6
          ? "service quality"
          : "incident"
        : (COMPLAINT_CATEGORIES[
            drawCumulative(COMPLAINT_CATEGORY_WEIGHTS, service.float())
          ] as ComplaintCategory);
      const severity = drawCumulative(SEVERITY_WEIGHTS, service.float());
      const firstResponse =
        openedMinute +
        Math.max(
          5,
          Math.min(
            30 * 1440,
            Math.round(logNormal(service, FIRST_RESPONSE_MEDIAN_MINUTES, FIRST_RESPONSE_LOG_SD)),
          ),
        );
      const reopened = service.float() < REOPENED_RATE;
      const contacts = !reopened && service.float() < FIRST_CONTACT_RESOLUTION ? 1 : 2 + service.poisson(0.7);
      let resolution = Math.round(
        logNormal(
          service,
          RESOLUTION_MEDIAN_MINUTES[severity] as number,
          RESOLUTION_LOG_SD[severity] as number,
        ) * (reopened ? 1.5 : 1),
      );
      resolution = Math.max(firstResponse - openedMinute, resolution);
      const resolvedMinute = openedMinute + resolution;
      const unresolved = service.float() < UNRESOLVED_RATE || resolvedMinute > endMinute;
      const linked = service.float() >= UNLINKED_COMPLAINT_RATE;
      complaints.push({
        complaintId: complaintId(complaints.length + 1),
        customerId: customer,
        orderId: linked ? id : null,
        category,
        severity: SEVERITIES[severity] as StoreComplaint["severity"],
        openedAt: days.isoMinute(openedMinute),
        firstResponseAt: days.isoMinute(Math.min(firstResponse, (days.last + 1) * 1440 - 1)),
        resolvedAt: unresolved ? null : days.isoMinute(resolvedMinute),
        contacts,
        reopened,
      });
      if (firstComplaintDay[c] === -1 || openedDay < (firstComplaintDay[c] as number))
        firstComplaintDay[c] = openedDay;
    }
  }

  // --- surveys -----------------------------------------------------------------------------------
  const model = createSurveyModel();
  const answers = new Int32Array(SURVEY_ITEMS.length);
  const surveys: StoreSurveyResponse[] = [];
  const segmentShift = Float64Array.from(segmentNames, (name) => SEGMENT_SATISFACTION_SHIFT[name]);
  for (let c = 0; c < customerCount; c++) {
    if (!(surveyRandom.float() < surveyRate)) continue;
    const first = simulation.firstOrderDay[c] as number;
    const churn = simulation.churnDay[c] as number;
    const last = churn >= 0 ? churn : endDay;
    const day = first + surveyRandom.integer(last - first + 1);
    let shift = segmentShift[simulation.segment[c] as number] as number;
    if (churn >= 0)
      shift += CHURNER_SHIFT + CHURN_PROXIMITY_SHIFT * Math.exp(-(churn - day) / CHURN_PROXIMITY_DAYS);
    const complained = firstComplaintDay[c] as number;
    if (complained >= 0 && complained <= day) shift += COMPLAINT_SHIFT;
    const nps = model.draw(surveyRandom, shift, answers);
    const record: Record<string, string | number> = {
      customerId: customerIds[c] as string,
      date: days.iso(day),
    };
    for (let i = 0; i < SURVEY_ITEMS.length; i++)
      record[(SURVEY_ITEMS[i] as (typeof SURVEY_ITEMS)[number]).name] = answers[i] as number;
    record.nps = nps;
    surveys.push(record as unknown as StoreSurveyResponse);
  }

  // --- inventory counts at each month end ---------------------------------------------------------
  const inventoryCounts: StoreInventoryCount[] = [];
  const startCalendar = calendarOf(startDay);
  for (let m = 0; ; m++) {
    const total = startCalendar.year * 12 + startCalendar.month - 1 + m;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const monthEnd = dayNumber(year, month, daysInMonth(year, month));
    if (monthEnd > endDay) break;
    if (monthEnd < startDay) continue;
    const date = days.iso(monthEnd);
    for (const product of PRODUCTS) {
      const systemQuantity = Math.round(product.popularity * 60 * (0.6 + 0.8 * stockRandom.float())) + 5;
      let countedQuantity = systemQuantity;
      if (!(stockRandom.float() < INVENTORY_EXACT_RATE)) {
        const gap = 1 + stockRandom.poisson(2);
        countedQuantity =
          stockRandom.float() < 0.8 ? Math.max(0, systemQuantity - gap) : systemQuantity + gap;
      }
      inventoryCounts.push({ date, product: product.name, systemQuantity, countedQuantity });
    }
  }

  const associations: PlantedAssociation[] = PLANTED_PAIRS.map((pair) => ({
    antecedent: pair.antecedent,
    consequent: pair.consequent,
    confidence: pair.probability,
    story: pair.story,
  }));
  const end = days.iso(endDay);
  const notes = plantedNotes(customerCount, churners.length, end);

  return {
    customers,
    orders,
    orderLines,
    surveys,
    complaints,
    deliveries,
    inventoryCounts,
    planted: { associations, segments, churners, end, notes },
    options: { seed, customers: customerCount, start, months, surveyRate },
  };
}

function sortOrdersByDay(simulation: Simulation, startDay: number, endDay: number): Int32Array {
  const span = endDay - startDay + 1;
  const counts = new Int32Array(span + 1);
  const { orderDay, orderCount } = simulation;
  for (let o = 0; o < orderCount; o++) {
    const slot = (orderDay[o] as number) - startDay + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let d = 1; d <= span; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
  const sorted = new Int32Array(orderCount);
  for (let o = 0; o < orderCount; o++) {
    const slot = (orderDay[o] as number) - startDay;
    sorted[counts[slot] as number] = o;
    counts[slot] = (counts[slot] as number) + 1;
  }
  return sorted;
}

function plantedNotes(customerCount: number, churnerCount: number, end: string): string[] {
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  const segmentLine = SEGMENT_PROFILES.map(
    (profile) =>
      `${profile.segment} ${percent(profile.share)} (${profile.ordersPerMonth} orders/month, ${profile.linesPerOrder} lines/order, churn ${percent(profile.churnProbability)})`,
  ).join("; ");
  const weakest = SURVEY_ITEMS.reduce((low, item) => (item.loading < low.loading ? item : low));
  const others = SURVEY_ITEMS.filter((item) => item !== weakest).map((item) => item.loading);
  const loadings = `loadings ${Math.min(...others)}-${Math.max(...others)}, ${weakest.name} ${weakest.loading}`;
  // complaints not reopened are resolved at first contact with FIRST_CONTACT_RESOLUTION; rounded to 5%
  const firstContact = Math.round((1 - REOPENED_RATE) * FIRST_CONTACT_RESOLUTION * 20) * 5;
  const pairs = PLANTED_PAIRS.map(
    (pair) => `${pair.antecedent} => ${pair.consequent} (${pair.probability}, ${pair.story})`,
  ).join("; ");
  return [
    `Associations (planted.associations): when a basket holds the antecedent, the consequent is added with the stated probability: ${pairs}. The consequents are rare on their own, so each rule shows support > 0.005, confidence near or above its probability and lift > 3 (typically 8-20). Only households with a baby (about ${Math.round(100 * BABY_HOUSEHOLD_SHARE)}%) buy baby items, so baby items co-occur with each other and, through diapers, with beer.`,
    `Segments (customer.segment, planted.segments): ${segmentLine}. Champions buy dearer items, bargain hunters cheap items often on promotion, big spenders rarely but large baskets (electronics, wine), occasional customers snacks and drinks; "new" customers signed up in the last ${NEW_CUSTOMER_DAYS} days. Every pair of segments is more than 1.5 pooled sd apart on log recency, frequency, monetary or mean basket value.`,
    `Churn: ${churnerCount} of ${customerCount} customers churn (customer.churnDate, planted.churners), dates spread from ${CHURN_MIN_ACTIVE_DAYS} days after their first active day to ${CHURN_MIN_DAYS_BEFORE_END} days before the end: no order after the churn date, purchase rate x${CHURN_SLOWDOWN} in the ${CHURN_SLOWDOWN_DAYS} days before it, complaint rate x${COMPLAINT_CHURN_MULTIPLIER} in the ${COMPLAINT_CHURN_DAYS} days before it, ${percent(COMPLAINT_DRIVEN_CHURN)} of churners complain about their last order, lower survey satisfaction.`,
    `Surveys: one answer from a share of customers, before any churn: ECSI items (1..10) from a latent model with the 12 ECSI paths (${loadings}) plus NPS (0..10) driven by loyalty and satisfaction; satisfaction is higher for champions and loyal regulars, lower for bargain hunters and occasional customers, lower for churners (most near the churn date) and after a complaint.`,
    `Complaints on ${percent(COMPLAINT_RATE)} of orders (x${COMPLAINT_DELIVERY_MULTIPLIER} after a late, failed, lost or damaged delivery, x${COMPLAINT_CHURN_MULTIPLIER} before churn): first response median ${FIRST_RESPONSE_MEDIAN_MINUTES / 60} h, resolution median ${(RESOLUTION_MEDIAN_MINUTES[1] as number) / 1440} days (medium severity) with longer tails for higher severity, about ${firstContact}% first-contact resolution, ${percent(REOPENED_RATE)} reopened, still-open ones have resolvedAt null.`,
    `Deliveries (online orders): ${percent(ON_TIME_RATE)} on time, ${percent(FAILED_RATE)} failed, ${percent(LOST_RATE)} lost, ${percent(DAMAGED_RATE)} damaged, ${percent(IN_STOCK_RATE)} in stock. Inventory counted at each month end: ${percent(INVENTORY_EXACT_RATE)} exact, otherwise mostly shrinkage. Last day of trading ${end}.`,
  ];
}
