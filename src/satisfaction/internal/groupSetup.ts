/**
 * Reading the grouping variable of micom / plsMultigroup and preparing the pooled data of the two groups.
 */
import {
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  type ProgressCallback,
  progressReporter,
  resolveField,
} from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import { withDefaults } from "../../core/internal/defaults.js";
import {
  checkOptions,
  custom,
  field,
  type OptionShape,
  type OptionValues,
  progressCallback,
  required,
  seed,
} from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";
import { notAnArrayError, notARecordError } from "../../core/records.js";
import { type PlsModelInput, resolveModelInput } from "./groupModel.js";
import { describeSubsetFailure, type SubsetFailure } from "./groupSubset.js";
import { count } from "./optionRules.js";
import {
  type GroupStatistics,
  groupStatistics,
  type PermutationDistribution,
  permutationDistribution,
} from "./permutationKernel.js";
import { type PreparedPlsData, preparePlsData } from "./plsPrepare.js";
import type { ResolvedPlsModel } from "./plsSpec.js";

const GROUPS = "an array of the two group values to compare";

/** The options micom and plsMultigroup share (each adds its own to this shape). */
export const groupOptionsShape = {
  group: /* @__PURE__ */ required(
    /* @__PURE__ */ field<string | ((record: never, index: number) => unknown)>(),
  ),
  groups: /* @__PURE__ */ custom<readonly [string, string]>(GROUPS, (value) => {
    if (!Array.isArray(value)) return expected(GROUPS, value);
    if (value.length !== 2) return `expected exactly two group values, received ${value.length}`;
    const other = value.findIndex((name) => typeof name !== "string");
    return other < 0
      ? undefined
      : `entry ${other} is not a string; write group values as strings ("2" for 2)`;
  }),
  permutations: /* @__PURE__ */ count("permutations", 1),
  seed: /* @__PURE__ */ seed(),
  onProgress: /* @__PURE__ */ progressCallback<ProgressCallback>(),
};

/** What {@link permutationSetup} needs of the parsed options. */
interface GroupOptions {
  readonly group: unknown;
  readonly groups?: readonly [string, string] | undefined;
  readonly permutations?: number | undefined;
  readonly seed?: number | undefined;
  readonly onProgress?: unknown;
}

/** The parsed options with their defaults: the shared ones and the caller's (the keys of D). */
type DefaultedOptions<O, D> = O & { readonly permutations: number; readonly seed: number } & {
  readonly [K in keyof D & keyof O]-?: Exclude<O[K], undefined>;
};

/** The parsed options, the two groups, their statistics and the permutation distribution. */
export interface PermutationSetup<O, D> {
  readonly parsed: DefaultedOptions<O, D>;
  readonly setup: TwoGroupData;
  readonly statistics: GroupStatistics;
  readonly distribution: PermutationDistribution;
}

/**
 * The start micom and plsMultigroup share, call by call: parse the options (defaults: 1000 permutations,
 * seed 1, and the caller's own), read the two groups, compute the statistics of the original labelling
 * and of the permutations (reporting progress), and throw InsufficientDataError when a group cannot be
 * estimated.
 */
export function permutationSetup<T extends object, S extends OptionShape, D extends Partial<OptionValues<S>>>(
  functionName: string,
  rows: readonly T[],
  model: PlsModelInput,
  shape: S,
  options: unknown,
  defaults: D,
): PermutationSetup<OptionValues<S>, D> {
  const parsed = withDefaults(checkOptions(functionName, shape, options) as GroupOptions, {
    permutations: 1000,
    seed: 1,
    ...defaults,
  }) as GroupOptions & DefaultedOptions<OptionValues<S>, D>;
  const setup = twoGroupData(functionName, rows, model, parsed.group as Field<T>, parsed.groups);
  const statistics = groupStatistics(setup.model, setup.data);
  if (typeof statistics === "string") throw groupEstimationError(functionName, statistics);
  const progress = progressReporter(
    parsed.onProgress as ProgressCallback | undefined,
    "permutations",
    parsed.permutations,
    50,
  );
  const distribution = permutationDistribution(
    statistics,
    setup.labels,
    parsed.permutations,
    parsed.seed,
    undefined,
    (done) => progress.tick(done),
  );
  progress.done();
  if (typeof distribution === "string") throw groupEstimationError(functionName, distribution);
  return { parsed, setup, statistics, distribution };
}

/** The resolved options micom and plsMultigroup both echo, in their order: group, groups (when given), permutations. */
export function sharedGroupOptions(parsed: {
  readonly group: unknown;
  readonly groups?: readonly [string, string] | undefined;
  readonly permutations: number;
}): { readonly group: unknown; readonly groups?: readonly [string, string]; readonly permutations: number } {
  return {
    group: parsed.group,
    ...(parsed.groups === undefined ? {} : { groups: parsed.groups }),
    permutations: parsed.permutations,
  };
}

/**
 * The start of micom's and plsMultigroup's summary line: the two groups with their sizes, and the permutations
 * estimated ("groups first (125) vs second (125); 1000 permutations").
 */
export function groupComparisonSummary(result: {
  readonly groups: readonly [string, string];
  readonly groupSizes: readonly [number, number];
  readonly validPermutations: number;
}): string {
  const { groups, groupSizes } = result;
  return `groups ${groups[0]} (${groupSizes[0]}) vs ${groups[1]} (${groupSizes[1]}); ${result.validPermutations} permutations`;
}

/** The two groups, the pooled data and the 0/1 label of every row used. */
export interface TwoGroupData {
  readonly model: ResolvedPlsModel;
  readonly data: PreparedPlsData;
  readonly labels: Uint8Array;
  readonly groups: readonly [string, string];
  readonly sizes: readonly [number, number];
}

export function twoGroupData<T extends object>(
  functionName: string,
  rows: readonly T[],
  modelInput: PlsModelInput,
  group: Field<T>,
  groups: readonly [string, string] | undefined,
): TwoGroupData {
  const model = resolveModelInput(functionName, modelInput);
  if (!Array.isArray(rows)) throw notAnArrayError(functionName, "rows", rows);
  const coded = groupCodes(functionName, rows, group);
  let chosen: readonly [string, string];
  if (groups !== undefined) {
    const missing = groups.filter((name) => !coded.labels.includes(name));
    if (missing.length > 0) {
      throw argumentError(
        functionName,
        "groups",
        `no row has the group value ${missing.map((v) => JSON.stringify(v)).join(", ")}; values present: ${coded.labels.slice(0, 10).join(", ")}`,
        groups,
      );
    }
    chosen = groups;
  } else {
    if (coded.labels.length !== 2) {
      throw argumentError(
        functionName,
        "group",
        `expected exactly two group values, found ${coded.labels.length} (${coded.labels.slice(0, 10).join(", ")}); pick two with the groups option`,
        coded.labels.length,
      );
    }
    chosen = [coded.labels[0] as string, coded.labels[1] as string];
  }
  const first = coded.labels.indexOf(chosen[0]);
  const second = coded.labels.indexOf(chosen[1]);
  const selected: T[] = [];
  const selectedLabel: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const code = coded.codes[i] as number;
    if (code !== first && code !== second) continue;
    selected.push(rows[i] as T);
    selectedLabel.push(code === first ? 0 : 1);
  }
  const data = preparePlsData(functionName, selected, model);
  const n = data.matrix.rowCount;
  const labels = new Uint8Array(n);
  let size1 = 0;
  for (let r = 0; r < n; r++) {
    const s = data.matrix.rowsUsed[r] as number;
    labels[r] = selectedLabel[s] as number;
    size1 += labels[r] as number;
  }
  const sizes: [number, number] = [n - size1, size1];
  let needed = 3;
  for (let k = 0; k < model.spec.constructCount; k++)
    needed = Math.max(needed, (model.spec.predecessors[k] as Int32Array).length + 2);
  sizes.forEach((size, g) => {
    if (size < needed) {
      throw new InsufficientDataError(
        functionName,
        `group "${chosen[g]}" has ${size} usable rows; this model needs at least ${needed} per group`,
      );
    }
  });
  return { model, data, labels, groups: chosen, sizes };
}

/**
 * The group of every row as a code into `labels` (first-seen order): what core's readCodes gives for an array
 * of records, with its errors (a row that is not a record; a group value that is not a non-empty string, a
 * finite number or a bigint), read here because readCodes' columns, Arrow tables and hashing table for
 * millions of distinct values would add 5 kB to micom's and plsMultigroup's bundles for a column of two
 * values. A test holds the two together.
 */
export function groupCodes<T extends object>(
  functionName: string,
  rows: readonly T[],
  group: Field<T>,
): { readonly codes: Int32Array; readonly labels: readonly string[] } {
  const { read, label } = resolveField(group, "group");
  const codes = new Int32Array(rows.length);
  const position = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null) throw notARecordError(functionName, i, row);
    const value = read(row, i);
    if (
      !((typeof value === "string" && value !== "") || Number.isFinite(value) || typeof value === "bigint")
    ) {
      throw new InvalidRecordError(
        functionName,
        i,
        label,
        value,
        "expected a non-empty string or a finite number identifying the value",
      );
    }
    const key = String(value);
    let code = position.get(key);
    if (code === undefined) position.set(key, (code = position.size));
    codes[i] = code;
  }
  return { codes, labels: [...position.keys()] };
}

/** The error for a group (or the pooled data) that cannot be estimated. */
export function groupEstimationError(functionName: string, failure: SubsetFailure): InsufficientDataError {
  return new InsufficientDataError(
    functionName,
    `the model cannot be estimated in each group (${describeSubsetFailure(failure)}); check the group sizes and the items' variance within each group`,
  );
}
