import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY, fixture } from './fixtures/hooks/run-hook-process.js';
import { testdir } from './helpers/testdir.js';

const FORBIDDEN = ['unified', 'remark-parse', 'remark', 'gray-matter', 'chokidar', '@anthropic-ai/sdk', 'web-tree-sitter', '@vscode/tree-sitter-wasm'];
const RECORDER = fileURLToPath(new URL('./fixtures/hooks/record-imports.mjs', import.meta.url));

/** Bare specifiers reachable from a built module through static and dynamic imports. */
function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const specifier = match[1];
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return bare;
}

const HANDLER_NAMES = new Set(
  readdirSync(join(dirname(ENTRY), 'handlers'))
    .filter((name) => name.endsWith('.js') && name !== 'index.js')
    .map((name) => name.slice(0, -'.js'.length)),
);

/** The handler a loaded module is, if it is one: an unbundled handler file or a bundled handler chunk. */
function handlerName(url: string): string | undefined {
  const file = url.slice(url.lastIndexOf('/') + 1).replace(/\.c?js$/, '');
  if (url.includes('/hooks/handlers/')) return HANDLER_NAMES.has(file) ? file : undefined;
  if (!url.includes('/hooks/chunks/')) return undefined;
  const name = file.replace(/-[A-Za-z0-9_-]{8}$/, '');
  return HANDLER_NAMES.has(name) ? name : undefined;
}

const dir = testdir({ 'src/config.ts': 'export {}\n' });
afterAll(() => dir.cleanup());
const vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };

describe('the hook path stays light', () => {
  it('imports nothing but node builtins and better-sqlite3, statically or dynamically', () => {
    const imports = [...bareImports(ENTRY)].filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier));
    // better-sqlite3's JavaScript is bundled (with the installed package as the fallback); `bindings` is its
    // addon finder, which it never calls because the store hands it the addon's path.
    expect(imports.sort()).toEqual(['better-sqlite3', 'bindings']);
  });

  const events: Array<[string, string]> = [
    ['SessionStart', 'session-start'],
    ['UserPromptSubmit', 'user-prompt-submit'],
    ['PreToolUse', 'pre-tool-use.agent'],
    ['PostToolUse', 'post-tool-use.read'],
    ['PostToolBatch', 'post-tool-batch'],
    ['SubagentStart', 'subagent-start'],
    ['SubagentStop', 'subagent-stop'],
    ['PreCompact', 'pre-compact'],
    ['PostCompact', 'post-compact'],
    ['Stop', 'stop'],
    ['StopFailure', 'stop-failure'],
    ['SessionEnd', 'session-end'],
  ];
  for (const [event, name] of events) {
    it(`${event} loads only its own handler and no heavy package`, () => {
      const log = dir.join(`imports-${event}.txt`);
      const result = spawnSync(process.execPath, ['--import', RECORDER, ENTRY, event], {
        input: JSON.stringify(fixture(name, vars)),
        encoding: 'utf8',
        env: { ...process.env, CLAUDE_PROJECT_DIR: dir.path, CTXKIT_IMPORT_LOG: log },
      });
      expect(result.status).toBe(0);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      for (const forbidden of FORBIDDEN) expect(loaded.filter((url) => url.includes(`/node_modules/${forbidden}/`))).toEqual([]);
      // The build bundles the entry: each handler is a chunk named after its source file (dist/hooks/chunks/<name>-<hash>.cjs).
      const handlers = loaded.map(handlerName).filter((name): name is string => name !== undefined);
      expect(handlers).toHaveLength(1);
      expect(loaded.some((url) => url.includes('/dist/cli/'))).toBe(false);
    });
  }
});
