import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Integration and e2e tests spawn processes (git, node, the Claude Code CLI); on two cores they need room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Hook processes the tests start keep their V8 code cache here, not in the user's cache folder.
    env: { CTXKIT_CODE_CACHE: join(tmpdir(), 'ctxkit-test-code-cache') },
    reporters: ['default', './scripts/test/summary-reporter.ts'],
  },
});
