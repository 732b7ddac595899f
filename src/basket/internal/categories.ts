import { argumentError } from "../../core/internal/arguments.js";
import {
  anyText,
  checkOptions,
  nonEmptyText,
  type OptionValues,
  oneOf,
  required,
} from "../../core/internal/optionRules.js";
import type { ItemHierarchy } from "../aggregateItems.js";
import type { Transactions, TransactionsInput } from "../Transactions.js";
import { toTransactions } from "./builder.js";
import { mapItems, readHierarchy, unknownItemError } from "./hierarchy.js";
import { nameList } from "./optionChecks.js";

const COLUMN = "must name a column of the hierarchy rows";

/**
 * Rules of the hierarchy options of addCategories and the multi-level miners. The defaults
 * (`item: "item"`, `suffix: "*"`, `unknownItems: "error"`) are applied by {@link extendWithCategories}.
 */
export const categoriesShape = {
  levels: /* @__PURE__ */ required(/* @__PURE__ */ nameList("must name at least one level column", COLUMN)),
  item: /* @__PURE__ */ nonEmptyText(COLUMN),
  suffix: /* @__PURE__ */ anyText(),
  unknownItems: /* @__PURE__ */ oneOf(["error", "keep"]),
};

/** The hierarchy options, checked. */
export type CategoriesOptions = OptionValues<typeof categoriesShape>;

const hierarchyKeys = /* @__PURE__ */ Object.keys(categoriesShape);

/**
 * Splits the options of a multi-level miner into the hierarchy options (checked and returned as
 * `parsed`) and the miner's own (`rest`, checked by the miner).
 */
export function splitHierarchyOptions(
  functionName: string,
  options: object | undefined,
): { parsed: CategoriesOptions; rest: Record<string, unknown> } {
  const own: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (hierarchyKeys.includes(key)) own[key] = value;
    else rest[key] = value;
  }
  // the multi-level miners pass the other options on to the miner, which checks them: here only the
  // hierarchy options' keys are checked
  return { parsed: checkOptions(functionName, categoriesShape, own), rest };
}

/** Transactions extended with category items, and each label's ancestors among the labels. */
export interface ExtendedTransactions {
  readonly data: Transactions;
  /** label -> labels of its ancestors (an item's categories, a category's higher categories). */
  readonly ancestors: Map<string, Set<string>>;
}

/**
 * Adds to every transaction the categories of its items at each level, labelled `category + suffix`
 * (arules' addAggregate), and lists every label's ancestors.
 */
export function extendWithCategories(
  functionName: string,
  transactions: TransactionsInput,
  hierarchy: ItemHierarchy,
  options: {
    readonly levels: readonly string[];
    readonly item?: string | undefined;
    readonly suffix?: string | undefined;
    readonly unknownItems?: "error" | "keep" | undefined;
  },
): ExtendedTransactions {
  const { levels, suffix = "*", item: itemColumn = "item" } = options;
  const table = readHierarchy(functionName, hierarchy, itemColumn, levels);
  const data = toTransactions(transactions, functionName);
  const ancestors = new Map<string, Set<string>>();
  const itemLabels = new Set(data.itemLabels);
  for (const [item, path] of table.categories) {
    ancestors.set(item, new Set(path.map((category) => category + suffix)));
  }
  // a category's ancestors: the categories above it (coarser levels) on the path of every item under it;
  // level by level, categories in order of first appearance
  levels.forEach((level, l) => {
    for (const path of table.categories.values()) {
      const category = path[l] as string;
      const label = category + suffix;
      if (itemLabels.has(label)) {
        throw argumentError(
          functionName,
          "suffix",
          `the category "${category}" (${level}) would be labelled "${label}", which is also an item's name: choose another suffix`,
          suffix,
        );
      }
      let set = ancestors.get(label);
      if (set === undefined) {
        set = new Set();
        ancestors.set(label, set);
      }
      for (let m = l + 1; m < path.length; m++) set.add((path[m] as string) + suffix);
    }
  });
  const extended = mapItems(
    data,
    (label, t) => {
      const path = table.categories.get(label);
      if (path !== undefined) return [label, ...path.map((category) => category + suffix)];
      if (options.unknownItems === "keep") return [label];
      throw unknownItemError(functionName, t, label, itemColumn);
    },
    functionName,
  );
  return { data: extended, ancestors };
}

/** Whether a set of labels holds a label together with one of its ancestors. */
export function holdsAncestorPair(
  labels: readonly string[],
  more: readonly string[],
  ancestors: Map<string, Set<string>>,
): boolean {
  const all = [...labels, ...more];
  return all.some((label) => {
    const above = ancestors.get(label);
    return above !== undefined && all.some((other) => above.has(other));
  });
}
