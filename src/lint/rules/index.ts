import type { LintRule } from '../types.js';
import agentMaxLines from './agent-max-lines.js';
import agentRequiredFields from './agent-required-fields.js';
import claudeMdMaxLines from './claude-md-max-lines.js';
import commandDescription from './command-description.js';
import commandMaxLines from './command-max-lines.js';
import contextLinkExists from './context-link-exists.js';
import contextMaxLines from './context-max-lines.js';
import encoding from './encoding.js';
import fileMaxTokens from './file-max-tokens.js';
import fileReferenceExists from './file-reference-exists.js';
import fileUnreadable from './file-unreadable.js';
import frontmatterTypes from './frontmatter-types.js';
import frontmatterUnknownKey from './frontmatter-unknown-key.js';
import frontmatterYaml from './frontmatter-yaml.js';
import maxLineLength from './max-line-length.js';
import shellCommandAllowed from './shell-command-allowed.js';
import staleGenerated from './stale-generated.js';
import zeroBasedArguments from './zero-based-arguments.js';

/**
 * Every rule, in the order they run and are documented. An explicit list (not a folder scan) keeps
 * the order fixed and makes a new rule visible in review. Adding a rule: the rule file, its test,
 * one line here and docs/rules/<id>.md.
 */
export const rules: readonly LintRule[] = [
  fileUnreadable,
  encoding,
  commandMaxLines,
  contextMaxLines,
  agentMaxLines,
  claudeMdMaxLines,
  fileMaxTokens,
  maxLineLength,
  frontmatterYaml,
  frontmatterTypes,
  frontmatterUnknownKey,
  commandDescription,
  agentRequiredFields,
  fileReferenceExists,
  shellCommandAllowed,
  zeroBasedArguments,
  contextLinkExists,
  staleGenerated,
];

/** The rule with this id, if any. */
export function findRule(id: string): LintRule | undefined {
  return rules.find((rule) => rule.id === id);
}
