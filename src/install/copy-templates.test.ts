import { describe, expect, it } from 'vitest';
import { formatCopyTemplatesReport, planTemplateCopies } from './copy-templates.js';

describe('planTemplateCopies', () => {
  const sources = [
    { path: 'commands/orchestrate.md', content: 'new' },
    { path: 'agents/code-coordinator.md', content: 'same' },
    { path: 'partials/pool-rules.md', content: 'ours' },
  ];
  const existing = new Map([
    ['agents/code-coordinator.md', 'same'],
    ['partials/pool-rules.md', 'edited by the user'],
  ]);

  it('creates what is missing, keeps identical files and skips the ones the user changed', () => {
    expect(planTemplateCopies(sources, existing, false)).toEqual([
      { path: 'commands/orchestrate.md', action: 'create' },
      { path: 'agents/code-coordinator.md', action: 'unchanged' },
      { path: 'partials/pool-rules.md', action: 'skip' },
    ]);
  });

  it('overwrites changed files only with force', () => {
    expect(planTemplateCopies(sources, existing, true).map((copy) => copy.action)).toEqual(['create', 'unchanged', 'overwrite']);
  });

  it('reports skipped files with the way to overwrite them, and what to run next', () => {
    const text = formatCopyTemplatesReport({ templatesDir: '/p/templates', copies: planTemplateCopies(sources, existing, false), dryRun: false }, 'templates');
    expect(text).toContain('Copied 1 of ctxkit\'s 3 orchestrator templates into templates/.');
    expect(text).toContain('  skipped:     templates/partials/pool-rules.md (yours differs; --force overwrites it)');
    expect(text).toContain('run `ctxkit generate`');
    expect(text).toContain('`ctxkit uninstall` does not delete them');
  });
});
