/** In-flight compression: large tool outputs reduced for the model, the original kept for `ctxkit show`. */
export { planInflight, budgetFor, looksBinary, PERSISTED_PREVIEW_TOKENS, type InflightConfig, type InflightInput, type InflightPlan, type InflightReplacement } from './plan-inflight.js';
export { detectFamily, type FamilyHints } from './detect-family.js';
export { reduceOutput } from './reduce-output.js';
export { readToolOutput, outputChars, isToolEnabled, type ToolOutput } from './tool-output.js';
export { isFaithful } from './is-faithful.js';
export { isExcludedCommand, isRawCommand } from './command-rules.js';
export { FAMILIES, type Family, type FamilyResult, type FamilyOptions } from './families/family-result.js';
