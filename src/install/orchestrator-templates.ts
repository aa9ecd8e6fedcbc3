/**
 * The orchestrator templates ctxkit ships for users: the /orchestrate command, the four domain coordinators and the
 * partials they include. `install --templates` copies them into a project; the plugin is generated from them.
 * The repository's own dev templates (commands/dev/*, the ctxkit-reviewer agent) are not part of it.
 */
export const ORCHESTRATOR_TEMPLATES: readonly string[] = [
  'commands/orchestrate.md',
  'agents/code-coordinator.md',
  'agents/docs-coordinator.md',
  'agents/config-coordinator.md',
  'agents/tests-coordinator.md',
  'partials/handoff-format.md',
  'partials/pool-rules.md',
];
