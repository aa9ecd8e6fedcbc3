/**
 * The e2e harness: runs the real Claude Code CLI against the Messages API stand-in. The implementation is
 * plain JavaScript in scripts/messages-api/run-claude.js so that `npm run demo` runs exactly the same way.
 */
export {
  CLAUDE_BIN,
  E2E_MODEL,
  claudeEnv,
  makeIsolatedHome,
  projectDirName,
  runClaude,
  transcriptFiles,
  type ClaudeRun,
  type RunClaudeOptions,
} from '../../../scripts/messages-api/run-claude.js';
