import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/index.js';
import { checkGenerated } from '../src/generator/check-generated.js';
import { applyPlan, planGenerate, resolveGenerateSettings } from '../src/generator/run-generate.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
afterEach(() => dir?.cleanup());

describe('checkGenerated (for lint, doctor and other modules)', () => {
  it('lists every output with its status, and orphans', () => {
    dir = testdir({
      'templates/commands/a.md': '# A\n\n## More\n<!-- progressive -->\ntext\n',
      'templates/commands/b.md': 'B.\n',
    });
    const config = structuredClone(defaultConfig);
    expect(checkGenerated(dir.path, config)).toEqual([
      { path: '.claude/commands/a.md', status: 'missing' },
      { path: '.claude/commands/b.md', status: 'missing' },
      { path: '.claude/context/a/more.md', status: 'missing' },
    ]);
    applyPlan(planGenerate(resolveGenerateSettings(dir.path, config)));
    expect(checkGenerated(dir.path, config).map((entry) => entry.status)).toEqual(['ok', 'ok', 'ok']);

    rmSync(dir.join('templates/commands/b.md'));
    dir.write('templates/commands/a.md', '# A\n\n## More\n<!-- progressive -->\nchanged\n');
    writeFileSync(dir.join('.claude/commands/mine.md'), 'hand-written\n');
    expect(checkGenerated(dir.path, config)).toEqual([
      { path: '.claude/commands/a.md', status: 'ok' },
      { path: '.claude/commands/b.md', status: 'orphaned' },
      { path: '.claude/context/a/more.md', status: 'stale' },
    ]);
  });

  it('reports templates that do not compile', () => {
    dir = testdir({ 'templates/commands/a.md': 'Hi {{who}}.\n' });
    expect(checkGenerated(dir.path, structuredClone(defaultConfig))).toEqual([
      { path: 'templates/commands/a.md', status: 'template-error', message: expect.stringMatching(/^1: Undefined variable '\{\{who\}\}'/) },
    ]);
  });

  it('is empty for a project without templates', () => {
    dir = testdir({});
    expect(checkGenerated(dir.path, structuredClone(defaultConfig))).toEqual([]);
  });
});
