/**
 * The part of danfojs-node that `toDataFrame` uses, declared so the library
 * type-checks and builds without the optional peer installed (danfojs-node
 * pulls TensorFlow.js, about 270 MB, into a development install). The built
 * declarations still import the real `DataFrame` type from "danfojs-node", so
 * users who install it get its full types; the adapter's own tests and
 * example type-check against the real package (tsconfig.danfo.json).
 */
declare module "danfojs-node" {
  export class DataFrame {
    constructor(
      data: unknown,
      options?: { columns?: string[]; index?: (string | number)[]; dtypes?: string[] },
    );
    readonly columns: string[];
    readonly index: (string | number)[];
    readonly values: unknown[];
    readonly shape: number[];
  }
}
