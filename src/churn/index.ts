/**
 * clientele/churn — see the README section of this module.
 * @module
 */
export {};
