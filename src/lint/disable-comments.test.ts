import { describe, expect, it } from 'vitest';
import { lintText } from './lint-text.js';

const long = 'x'.repeat(401);
const run = (text: string) => lintText({ path: 'CLAUDE.md', text }).map((f) => `${f.line} ${f.ruleId}`);

describe('disable comments', () => {
  it('turns listed rules off for the whole file, wherever the comment is', () => {
    expect(run(`${long}\nSee @docs/missing.md\n<!-- ctxkit-lint-disable max-line-length -->\n`)).toEqual(['2 file-reference-exists']);
    expect(run(`<!-- ctxkit-lint-disable max-line-length, file-reference-exists -->\n${long}\nSee @docs/missing.md\n`)).toEqual([]);
  });

  it('turns every rule off without ids', () => {
    expect(run(`<!-- ctxkit-lint-disable -->\n${long}\nSee @docs/missing.md\n`)).toEqual([]);
  });

  it('turns rules off for the next line only', () => {
    const text = `<!-- ctxkit-lint-disable-next-line max-line-length -->\n${long}\n${long}\n`;
    expect(run(text)).toEqual(['3 max-line-length']);
    expect(run(`<!-- ctxkit-lint-disable-next-line -->\nSee @docs/missing.md\n`)).toEqual([]);
  });

  it('ignores comments inside code', () => {
    expect(run(`\`<!-- ctxkit-lint-disable -->\`\n${long}\n`)).toEqual(['2 max-line-length']);
    expect(run(`\`\`\`\n<!-- ctxkit-lint-disable -->\n\`\`\`\n${long}\n`)).toEqual(['4 max-line-length']);
  });
});
