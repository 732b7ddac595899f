// The rank-coded database the miners share; below mining.ts, fpgrowth.ts and occurrenceDeliver.ts so that
// none of them imports another back.

/** The frequent items of a data set as ranks (0 = most frequent) and the rank-coded transactions. */
export interface RankedDatabase {
  /** Original code of each rank. */
  readonly rankToCode: Int32Array;
  /** Count of each rank. */
  readonly rankCounts: Int32Array;
  /** CSR transactions of ranks (infrequent items dropped), each run ascending. */
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}
