import { describe, expect, it } from 'vitest';
import { reduceReport } from './report.js';

describe('reduceReport', () => {
  it('keeps a short report whole, squeezing blank lines', () => {
    const report = '## Findings\n\n\n\nThe bug is in src/a.ts:12.   \n\nFix: guard null.';
    expect(reduceReport(report).text).toBe('## Findings\n\nThe bug is in src/a.ts:12.\n\nFix: guard null.');
  });

  it('reduces a long report like prose, keeping its head and tail', () => {
    const body = Array.from({ length: 200 }, (_, i) => `Checked module number ${i} and it looked fine to me.`).join(' ');
    const report = `# Report\n\nSummary: the failure comes from parseConfig.\n\n${body}\n\nConclusion: patch parseConfig.`;
    const result = reduceReport(report, { budgetTokens: 100 });
    expect(result.kind).toBe('report');
    expect(result.tokensAfter).toBeLessThanOrEqual(100);
    expect(result.text).toContain('Summary: the failure comes from parseConfig.');
    expect(result.text).toContain('Conclusion: patch parseConfig.');
  });
});
