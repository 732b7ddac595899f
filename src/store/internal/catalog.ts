/**
 * The product catalog, the segment profiles and the planted co-purchases of
 * the generated store. Plain data, read once by `generateStore`.
 * @internal
 */
import type { PlantedSegment } from "../types.js";

/** Product categories, in catalog order. */
export const CATEGORIES = [
  "fresh produce",
  "dairy",
  "bakery",
  "meat & fish",
  "pantry",
  "snacks",
  "beverages",
  "beer & wine",
  "baby",
  "household",
  "personal care",
  "electronics accessories",
] as const;

/** A category of the catalog. */
export type CatalogCategory = (typeof CATEGORIES)[number];

/** One product of the catalog. */
export interface CatalogProduct {
  readonly name: string;
  readonly category: CatalogCategory;
  /** List price on the first day of trading, in currency units. */
  readonly price: number;
  /** Relative popularity inside a basket draw (1 = an average product). */
  readonly popularity: number;
  /** Mean number of extra units beyond the first (Poisson), before the segment multiplier. */
  readonly extraUnits: number;
}

type Row = readonly [name: string, price: number, popularity: number, extraUnits: number];

const ROWS: Readonly<Record<CatalogCategory, readonly Row[]>> = {
  "fresh produce": [
    ["bananas", 1.29, 2.2, 0.3],
    ["apples", 2.49, 1.6, 0.2],
    ["tomatoes", 2.19, 1.5, 0.2],
    ["potatoes", 3.49, 1.2, 0.1],
    ["onions", 1.49, 1.1, 0.1],
    ["lettuce", 1.19, 1.0, 0.1],
    ["avocados", 2.99, 0.8, 0.4],
    ["berries", 3.99, 0.9, 0.3],
  ],
  dairy: [
    ["milk", 1.09, 2.6, 0.6],
    ["butter", 2.59, 1.3, 0.1],
    ["cheddar cheese", 3.79, 1.2, 0.1],
    ["yogurt", 0.89, 1.5, 1.2],
    ["eggs", 2.99, 1.8, 0.1],
    ["cream", 1.49, 0.7, 0.1],
    ["mozzarella", 1.29, 0.8, 0.3],
  ],
  bakery: [
    ["white bread", 1.49, 1.9, 0.1],
    ["whole grain bread", 2.49, 1.3, 0.1],
    ["croissants", 2.99, 0.9, 0.2],
    ["bagels", 2.79, 0.6, 0.1],
    ["hot dog buns", 1.79, 0.35, 0.1],
    ["muffins", 3.49, 0.6, 0.1],
  ],
  "meat & fish": [
    ["chicken breast", 6.99, 1.3, 0.1],
    ["ground beef", 5.49, 1.1, 0.2],
    ["hot dogs", 3.29, 0.7, 0.2],
    ["salmon fillet", 8.99, 0.7, 0.1],
    ["bacon", 3.99, 0.9, 0.1],
    ["ham slices", 2.79, 1.0, 0.1],
  ],
  pantry: [
    ["pasta", 1.19, 1.2, 0.5],
    ["pasta sauce", 2.29, 0.35, 0.2],
    ["rice", 2.49, 0.9, 0.1],
    ["flour", 1.09, 0.5, 0.1],
    ["olive oil", 7.99, 0.5, 0.0],
    ["cereal", 3.49, 1.0, 0.1],
    ["coffee", 5.99, 1.1, 0.1],
    ["tea", 2.99, 0.6, 0.1],
    ["canned tomatoes", 0.99, 0.8, 0.8],
    ["peanut butter", 2.89, 0.5, 0.0],
  ],
  snacks: [
    ["tortilla chips", 2.19, 0.8, 0.2],
    ["salsa", 2.69, 0.3, 0.1],
    ["potato crisps", 1.99, 1.2, 0.4],
    ["chocolate bar", 1.29, 1.3, 0.7],
    ["cookies", 2.49, 1.0, 0.2],
    ["nuts", 4.49, 0.6, 0.1],
    ["popcorn", 1.79, 0.5, 0.2],
  ],
  beverages: [
    ["mineral water", 0.69, 1.8, 2.0],
    ["orange juice", 2.49, 1.1, 0.2],
    ["cola", 1.79, 1.2, 0.8],
    ["energy drink", 1.49, 0.6, 0.8],
    ["sparkling water", 0.89, 0.9, 1.5],
    ["iced tea", 1.59, 0.6, 0.5],
  ],
  "beer & wine": [
    ["beer", 5.99, 0.55, 0.3],
    ["craft beer", 2.99, 0.5, 1.0],
    ["red wine", 8.99, 0.8, 0.2],
    ["white wine", 7.99, 0.7, 0.2],
    ["sparkling wine", 11.99, 0.3, 0.1],
    ["cider", 3.49, 0.4, 0.3],
  ],
  baby: [
    ["diapers", 12.99, 2.2, 0.1],
    ["baby wipes", 3.49, 1.2, 0.3],
    ["baby food", 1.29, 1.3, 1.5],
    ["baby formula", 17.99, 0.8, 0.1],
    ["baby shampoo", 4.49, 0.4, 0.0],
  ],
  household: [
    ["dish soap", 2.19, 0.8, 0.0],
    ["laundry detergent", 9.99, 0.7, 0.0],
    ["paper towels", 3.99, 0.8, 0.1],
    ["toilet paper", 5.49, 1.0, 0.1],
    ["trash bags", 3.29, 0.6, 0.0],
    ["sponges", 1.99, 0.5, 0.0],
    ["light bulbs", 5.99, 0.3, 0.2],
  ],
  "personal care": [
    ["toothpaste", 2.29, 0.8, 0.2],
    ["toothbrush", 2.99, 0.4, 0.1],
    ["shampoo", 4.29, 0.6, 0.0],
    ["deodorant", 3.19, 0.6, 0.1],
    ["shower gel", 2.49, 0.6, 0.1],
    ["razor blades", 14.99, 0.3, 0.0],
  ],
  "electronics accessories": [
    ["phone case", 14.99, 0.45, 0.0],
    ["screen protector", 9.99, 0.2, 0.0],
    ["usb cable", 8.99, 0.4, 0.1],
    ["phone charger", 19.99, 0.35, 0.0],
    ["earbuds", 39.99, 0.25, 0.0],
    ["power bank", 29.99, 0.2, 0.0],
    ["AA batteries", 6.49, 0.5, 0.1],
    ["memory card", 17.99, 0.15, 0.0],
  ],
};

/** Every product, category by category. */
export const PRODUCTS: readonly CatalogProduct[] = CATEGORIES.flatMap((category) =>
  ROWS[category].map(([name, price, popularity, extraUnits]) => ({
    name,
    category,
    price,
    popularity,
    extraUnits,
  })),
);

/** Behaviour of one planted segment. */
export interface SegmentProfile {
  readonly segment: PlantedSegment;
  /** Share of customers. */
  readonly share: number;
  /** Mean orders per month while active (a customer's own rate varies around it, log-normal sd 0.3). */
  readonly ordersPerMonth: number;
  /** Mean number of purchase lines drawn per basket (before planted add-ons). */
  readonly linesPerOrder: number;
  /** Product weights are multiplied by price^priceExponent: negative = cheap items, positive = dear ones. */
  readonly priceExponent: number;
  /** Multiplier of the extra units per line. */
  readonly quantityMultiplier: number;
  /** Probability a line is bought on promotion (20% off). */
  readonly promotionRate: number;
  /** Probability the customer churns during the period. */
  readonly churnProbability: number;
  /** Multipliers of category weights (1 when absent). */
  readonly categoryWeights: Partial<Record<CatalogCategory, number>>;
}

/** The segment profiles as a table: one row per segment, in the order of {@link SegmentProfile}'s fields. */
// biome-ignore format: a table, one segment per row
const PROFILE_ROWS = [
  // segment, share, ordersPerMonth, linesPerOrder, priceExponent, quantityMultiplier, promotionRate,
  // churnProbability, then categoryWeights
  ["champions",        0.07, 1.5, 6, 0.35, 1.2, 0.06, 0.04,
    { "fresh produce": 1.4, "meat & fish": 1.8, "beer & wine": 1.5, dairy: 1.2 }],
  ["loyal regulars",   0.18, 0.75, 4, 0, 1, 0.1, 0.12,
    { dairy: 1.5, bakery: 1.5, "fresh produce": 1.3, "electronics accessories": 0.4 }],
  ["bargain hunters",  0.18, 1.05, 2.6, -1.3, 1.4, 0.45, 0.36,
    { pantry: 1.8, snacks: 1.5, beverages: 1.4, household: 1.3, "electronics accessories": 0.2, "beer & wine": 0.6 }],
  ["big spenders",     0.08, 0.22, 11, 0.6, 1.3, 0.04, 0.15,
    { "electronics accessories": 1.8, "beer & wine": 1.8, household: 1.5, "meat & fish": 1.3 }],
  ["occasional",       0.37, 0.14, 2.4, 0, 0.8, 0.15, 0.38,
    { snacks: 1.8, beverages: 1.8, "personal care": 1.3, "fresh produce": 0.6, "meat & fish": 0.5 }],
  ["new",              0.12, 1.0, 3.5, 0.1, 1, 0.25, 0,
    { "fresh produce": 1.3, bakery: 1.3, "electronics accessories": 0.6 }],
] as const;

/** The six planted segments. Shares sum to 1. */
export const SEGMENT_PROFILES: readonly SegmentProfile[] = PROFILE_ROWS.map(
  ([
    segment,
    share,
    ordersPerMonth,
    linesPerOrder,
    priceExponent,
    quantityMultiplier,
    promotionRate,
    churnProbability,
    categoryWeights,
  ]) => ({
    segment,
    share,
    ordersPerMonth,
    linesPerOrder,
    priceExponent,
    quantityMultiplier,
    promotionRate,
    churnProbability,
    categoryWeights: categoryWeights as SegmentProfile["categoryWeights"],
  }),
);

/** Share of customers with a baby at home: only they buy baby items (others at 3% of the weight). */
export const BABY_HOUSEHOLD_SHARE = 0.22;
/** Multiplier of the baby category for households with a baby. */
export const BABY_WEIGHT_WITH_BABY = 2.2;
/** Multiplier of the baby category for other households. */
export const BABY_WEIGHT_WITHOUT_BABY = 0.03;

/** A planted co-purchase: when a basket holds `antecedent`, `consequent` is added with `probability`. */
export interface PlantedPair {
  readonly antecedent: string;
  readonly consequent: string;
  readonly probability: number;
  readonly story: string;
}

/** The planted co-purchases, in the order they are applied to a basket. */
export const PLANTED_PAIRS: readonly PlantedPair[] = (
  [
    // antecedent, consequent, probability, story
    ["diapers", "beer", 0.6, "fathers sent out for diapers pick up beer"],
    ["pasta", "pasta sauce", 0.5, "pasta is bought with a jar of sauce"],
    ["tortilla chips", "salsa", 0.55, "tortilla chips come with a salsa dip"],
    ["hot dogs", "hot dog buns", 0.65, "hot dogs need buns"],
    ["phone case", "screen protector", 0.45, "a new phone case is sold with a screen protector"],
  ] as const
).map(([antecedent, consequent, probability, story]) => ({ antecedent, consequent, probability, story }));
