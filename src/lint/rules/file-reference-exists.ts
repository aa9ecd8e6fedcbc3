import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Claude Code attaches `@path` files when the command runs; a path that moved or was renamed attaches
// nothing, and the command quietly runs without the context it was written for.
const REFERENCE = /(^|[\s(])@([^\s`'"<>()[\]{}]+)/g;

const rule: LintRule = {
  id: 'file-reference-exists',
  description: '`@path` file references point to files that exist (relative to the repository root).',
  tags: ['references'],
  defaultSeverity: 'error',
  docs: 'docs/rules/file-reference-exists.md',
  check(doc, context) {
    doc.prose.forEach((line, index) => {
      if (!line.includes('@')) return;
      REFERENCE.lastIndex = 0;
      for (let match = REFERENCE.exec(line); match !== null; match = REFERENCE.exec(line)) {
        const raw = match[2].replace(/[.,;:!?]+$/, '');
        const path = toCheckablePath(raw);
        if (path === undefined || context.exists(path)) continue;
        // Without an extension, `@scope/name` is more likely an npm package or a handle than a file:
        // flag it only when its first folder exists, so the reference is clearly a path.
        const last = path.split('/').pop() ?? '';
        if (!raw.endsWith('/') && !last.includes('.') && !(path.includes('/') && context.exists(path.split('/')[0]))) continue;
        context.report({ line: index + 1, column: match.index + match[1].length + 1, message: messages.missingFileReference(raw) });
      }
    });
  },
};

/**
 * Turns a reference into a root-relative path, or undefined when it is not a checkable file path:
 * handles (`@alice`), absolute or home paths, URLs and placeholders.
 */
function toCheckablePath(raw: string): string | undefined {
  if (raw === '' || raw.startsWith('~') || raw.startsWith('/') || raw.includes('://') || raw.includes('$') || raw.includes('@')) return undefined;
  const withoutAnchor = raw.replace(/#.*$/, '').replace(/:\d+(?:-\d+)?$/, '');
  if (!withoutAnchor.includes('/') && !withoutAnchor.includes('.')) return undefined;
  const parts: string[] = [];
  for (const part of withoutAnchor.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

export default rule;
