import { HEADER_PREFIX, isHandEdited, parseGeneratedHeader } from '../../generator/generated-header.js';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// A generated file edited by hand is overwritten by the next `ctxkit generate`, and one whose template
// is gone is never regenerated: both drift from the source of truth without anyone noticing.
const rule: LintRule = {
  id: 'stale-generated',
  description: 'Files carrying the ctxkit:generated header match their hash and still have their template.',
  tags: ['generated'],
  defaultSeverity: 'error',
  docs: 'docs/rules/stale-generated.md',
  check(doc, context) {
    const status = context.generatedStatus?.(doc.path);
    if (status === 'not-generated') context.report({ line: 1, message: messages.notGenerated() });
    if (!doc.text.includes(HEADER_PREFIX)) return;
    const header = parseGeneratedHeader(doc.text);
    if (!header) return;
    const line = doc.lines.findIndex((text) => text.startsWith(HEADER_PREFIX)) + 1 || 1;
    const template = header.from.replace(/%20/g, ' ');
    if (isHandEdited(doc.text)) context.report({ line, message: messages.handEdited(template) });
    if (!context.exists(template)) context.report({ line, message: messages.templateMissing(template) });
    else if (status === 'stale') context.report({ line, message: messages.generatedStale() });
  },
};

export default rule;
