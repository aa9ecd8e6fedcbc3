import { describe, expect, it } from 'vitest';
import { createDocument } from '../create-document.js';
import { lintDocument } from '../lint-document.js';
import { rules } from './index.js';
import rule from './file-unreadable.js';

const budget = { maxLines: 140, maxTokens: 5000, lineLength: 400 };

describe('file-unreadable', () => {
  it('reports an unreadable file, and no other rule runs on it', () => {
    const doc = createDocument({ path: '.claude/commands/a.md', text: '', unreadable: 'EACCES: permission denied' });
    const findings = lintDocument(doc, { rules, budget, exists: () => false });
    expect(findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'file-unreadable 1:1 Unexpected unreadable file (EACCES: permission denied), expected a readable text file.',
    ]);
  });

  it('says nothing about readable files', () => {
    const doc = createDocument({ path: '.claude/commands/a.md', text: 'Body\n' });
    expect(lintDocument(doc, { rules: [rule], budget, exists: () => false })).toEqual([]);
  });
});
