/** Turns gathered facts into check results. Pure: the same facts always give the same results. */
import type { CheckResult } from './check-result.js';
import { checkClaudeVersion, checkToolOutputRewrite } from './checks/claude-version.js';
import { checkConfigFile } from './checks/config-file.js';
import { checkGeneratedFiles } from './checks/generated-files.js';
import { checkHookLog } from './checks/hook-log.js';
import { checkHookNode } from './checks/hook-node.js';
import { checkHookRun } from './checks/hook-run.js';
import { checkHooksInstalled } from './checks/hooks-installed.js';
import { checkNodeVersion } from './checks/node-version.js';
import { checkSessionEndBudget } from './checks/session-end-budget.js';
import { checkSettingsScopes } from './checks/settings-scopes.js';
import { checkSqliteBinding } from './checks/sqlite-binding.js';
import { checkStoreSchema } from './checks/store-schema.js';
import type { DoctorFacts } from './doctor-facts.js';

/** Every check, in the order people should read them: runtime, settings, hooks, store, Claude Code, generated files. */
export function evaluate(facts: DoctorFacts): CheckResult[] {
  return [
    checkNodeVersion(facts),
    checkSqliteBinding(facts),
    checkConfigFile(facts),
    ...checkSettingsScopes(facts),
    checkHooksInstalled(facts),
    checkHookNode(facts),
    checkHookRun(facts),
    checkSessionEndBudget(facts),
    checkStoreSchema(facts),
    checkHookLog(facts),
    checkClaudeVersion(facts),
    checkToolOutputRewrite(facts),
    checkGeneratedFiles(facts),
  ];
}
