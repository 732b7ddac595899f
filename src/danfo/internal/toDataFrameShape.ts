import { nonEmptyText } from "../../core/internal/optionRules.js";
import { columnNames } from "../../table/internal/columnRules.js";

/**
 * Rules of toDataFrame's options, in a file of their own so that the equivalence test of the adapters'
 * option rules reads them without loading danfojs-node; not in the module index.
 */
export const toDataFrameShape = { columns: columnNames(), index: nonEmptyText() };
