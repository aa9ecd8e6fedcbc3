/**
 * Reads the fixed handoff format coordinators end with (templates/partials/handoff-format.md):
 * `## Handoff`, then `### Findings`, `### Files` (`path:start-end: note`), `### Decisions` and
 * `### Open questions`, each a list. Tolerant: missing sections are empty, unknown ones ignored.
 */
export interface CitedFile {
  path: string;
  start?: number;
  end?: number;
  note: string;
}

export interface ParsedHandoff {
  findings: string[];
  files: CitedFile[];
  decisions: string[];
  openQuestions: string[];
}

const SECTION_KEYS: Record<string, keyof ParsedHandoff> = {
  findings: 'findings',
  files: 'files',
  decisions: 'decisions',
  'open questions': 'openQuestions',
};

// `path:12-48: note`, `path:12: note`, `path: note`, optionally in backticks.
const CITATION = /^`?([^\s`:]+?)(?::(\d+)(?:-(\d+))?)?`?(?::\s*|\s+[-—–]\s+|\s*$)(.*)$/;

/** Parses one `### Files` item; undefined when it does not start with something path-like. */
export function parseCitation(item: string): CitedFile | undefined {
  const match = CITATION.exec(item.trim());
  if (!match) return undefined;
  const [, path, start, end, note] = match;
  if (!/[./]/.test(path)) return undefined;
  const cited: CitedFile = { path, note: note.trim() };
  if (start !== undefined) {
    cited.start = Number(start);
    cited.end = end !== undefined ? Number(end) : Number(start);
  }
  return cited;
}

/** The handoff at the end of a report, or undefined when the report has no `## Handoff` heading. */
export function parseHandoff(report: string): ParsedHandoff | undefined {
  const lines = report.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^##\s+handoff\s*$/i.test(line.trim()));
  if (start < 0) return undefined;
  const parsed: ParsedHandoff = { findings: [], files: [], decisions: [], openQuestions: [] };
  let section: keyof ParsedHandoff | undefined;
  let inFence = false;
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      if (heading[1] === '##') break;
      section = SECTION_KEYS[heading[2].toLowerCase()];
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!section || !item) continue;
    const text = item[1].trim();
    if (text.length === 0) continue;
    if (section === 'files') {
      const cited = parseCitation(text);
      if (cited) parsed.files.push(cited);
      // "none" is how the format says a section is empty.
    } else if (!/^(none|n\/a)\.?$/i.test(text)) {
      parsed[section].push(text);
    }
  }
  return parsed;
}

/** The handoff as compact text for injection: findings, files, decisions, open questions. */
export function renderHandoff(handoff: ParsedHandoff): string {
  const parts: string[] = [];
  for (const finding of handoff.findings) parts.push(`- ${finding}`);
  for (const file of handoff.files) parts.push(`- ${file.path}${file.start === undefined ? '' : file.end === file.start ? `:${file.start}` : `:${file.start}-${file.end}`}${file.note ? `: ${file.note}` : ''}`);
  for (const decision of handoff.decisions) parts.push(`- decided: ${decision}`);
  for (const question of handoff.openQuestions) parts.push(`- open: ${question}`);
  return parts.join('\n');
}
