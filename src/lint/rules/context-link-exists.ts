import { posix } from 'node:path';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Progressive disclosure only works if the pointer leads somewhere: a command that says "read
// .claude/context/deploy/rollback.md when ..." after that file was renamed sends the model to nothing.
const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const POINTER = /(^|[\s(['"*_:])((?:\.\/)?\.claude\/context\/[^\s)\]'"*,;<>]+)/g;
const CONTEXT = /(^|\/)\.claude\/context\//;

const rule: LintRule = {
  id: 'context-link-exists',
  description: 'Markdown links and pointer lines to .claude/context/ files point to files that exist.',
  tags: ['references', 'progressive-disclosure'],
  defaultSeverity: 'error',
  docs: 'docs/rules/context-link-exists.md',
  check(doc, context) {
    const folder = posix.dirname(doc.path);
    doc.prose.forEach((line, index) => {
      if (!line.includes('context/')) return;
      const seen = new Set<number>();
      LINK.lastIndex = 0;
      for (let match = LINK.exec(line); match !== null; match = LINK.exec(line)) {
        const target = decode(match[1].replace(/#.*$/, ''));
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        const fromFile = posix.normalize(posix.join(folder, target));
        const fromRoot = posix.normalize(target.replace(/^\/+/, ''));
        if (!CONTEXT.test(fromFile) && !CONTEXT.test(fromRoot)) continue;
        const start = match.index + match[0].indexOf(match[1]);
        seen.add(start);
        if (isInside(fromFile) && context.exists(fromFile)) continue;
        if (isInside(fromRoot) && context.exists(fromRoot)) continue;
        context.report({ line: index + 1, column: start + 1, message: messages.missingContextFile(target) });
      }
      POINTER.lastIndex = 0;
      for (let match = POINTER.exec(line); match !== null; match = POINTER.exec(line)) {
        const start = match.index + match[1].length;
        if (seen.has(start)) continue;
        const target = match[2].replace(/[.:!?]+$/, '');
        const path = posix.normalize(target.replace(/#.*$/, ''));
        if (path.endsWith('/') || context.exists(path)) continue;
        context.report({ line: index + 1, column: start + 1, message: messages.missingContextFile(target) });
      }
    });
  },
};

function isInside(path: string): boolean {
  return path !== '..' && !path.startsWith('../');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export default rule;
