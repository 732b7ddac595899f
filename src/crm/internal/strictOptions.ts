/**
 * Strict option parsing with "did you mean" hints, shared with clientele/satisfaction
 * (one copy until it moves to core; see that file).
 */
export { parseStrictOptions } from "../../satisfaction/internal/strictOptions.js";
