import type { Diagnostic, SourceLine } from './compile-types.js';
import { messages } from './messages.js';
import type { Section } from './parse-sections.js';
import { slugify } from './slugify.js';

export interface SplitInput {
  /** The expanded body, one entry per line. */
  lines: readonly SourceLine[];
  /** Top-level sections of `lines` (from parseSections). */
  sections: readonly Section[];
  /** Lines holding `!` shell commands: they run only in the command file, so their sections never move. */
  shellLines: ReadonlySet<number>;
  /** The file being fitted, relative to the out folder (for messages). */
  mainPath: string;
  mainBudget: number;
  /** Lines the main file needs besides the body (frontmatter and header). */
  mainOverhead: number;
  /** Folder for this template's context files, relative to the out folder (`context/deploy`). */
  contextDir: string;
  /** The out folder as the model opens it (`.claude`), for pointer lines. */
  outDir: string;
  contextBudget: (path: string) => number;
  /** Where to report a main file that cannot fit. */
  mainAt: { file: string; line: number };
}

export interface SplitFile {
  /** Relative to the out folder. */
  path: string;
  lines: string[];
  budget: number;
  /** The section this context file holds. */
  title: string;
}

export interface SplitResult {
  /** The main file's body lines, with moved sections replaced by pointer lines. */
  main: string[];
  contexts: SplitFile[];
  diagnostics: Diagnostic[];
}

const CONNECTIVE = /^(when|whenever|if|before|after|for|to|once|while|during|only|as soon as|on)\b/i;

/** The "when" part of a pointer line: the marker's text, or a default built from the heading. */
export function pointerWhen(section: Section): string {
  const when = section.marker?.when?.replace(/[.\s]+$/, '');
  if (!when) return messages.defaultWhen(section.title);
  return CONNECTIVE.test(when) ? when : `when ${when}`;
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)]);
}

/**
 * Fits a template body into its line budget by moving whole heading sections into context files,
 * each replaced by one pointer line. Sections marked progressive move first; then, while the file is
 * over budget, the section whose move saves the most lines. A context file over its own budget is
 * split again at its own sub-headings. Every body line ends up in exactly one file; marker lines are
 * directives and are dropped.
 */
export function splitProgressive(input: SplitInput): SplitResult {
  const diagnostics: Diagnostic[] = [];
  const contexts: SplitFile[] = [];
  const markerLines = new Set(flatten(input.sections).flatMap((section) => (section.marker ? [section.marker.line] : [])));
  const hasShell = (section: Section) => {
    for (const line of input.shellLines) if (line >= section.start && line < section.end) return true;
    return false;
  };
  const at = (section: Section) => ({ file: input.lines[section.start].file, line: input.lines[section.start].line });

  for (const section of flatten(input.sections)) {
    if (section.marker?.kind === 'progressive' && hasShell(section)) {
      diagnostics.push({ ...at(section), severity: 'warning', message: messages.progressiveShellSection(section.title) });
    }
  }

  const notMarker: number[] = [0];
  input.lines.forEach((_, line) => notMarker.push(notMarker[line] + (markerLines.has(line) ? 0 : 1)));
  const count = (from: number, to: number) => notMarker[to] - notMarker[from];
  // Moving a section saves its lines but costs the pointer line that replaces it.
  const saving = (section: Section) => count(section.start, section.contentEnd) - 1;

  const fit = (start: number, end: number, candidates: readonly Section[], budget: number, overhead: number, dir: string, path: string, owner?: Section): string[] => {
    const moved = new Set<Section>();
    const isInside = (inner: Section, outer: Section) => inner !== outer && inner.start >= outer.start && inner.end <= outer.end;

    const markForced = (sections: readonly Section[]) => {
      for (const section of sections) {
        if (section.marker?.kind === 'progressive' && !hasShell(section)) moved.add(section);
        else markForced(section.children);
      }
    };
    markForced(candidates);

    // A main file's only top-level section is its title: moving it would leave just a pointer behind.
    const enclosing = new Set<Section>(owner === undefined && candidates.length === 1 ? candidates : []);
    const pinned = new Set<Section>();
    const pin = (section: Section) => [section, ...flatten(section.children)].forEach((inner) => pinned.add(inner));
    flatten(candidates).forEach((section) => section.marker?.kind === 'immediate' && pin(section));
    const movable = flatten(candidates).filter((section) => !pinned.has(section) && !enclosing.has(section) && !hasShell(section));

    let size = overhead + count(start, end) - [...moved].reduce((sum, section) => sum + saving(section), 0);
    while (size > budget) {
      let best: { section: Section; size: number } | undefined;
      for (const section of movable) {
        if (moved.has(section) || [...moved].some((other) => isInside(section, other))) continue;
        const regained = [...moved].filter((other) => isInside(other, section)).reduce((sum, other) => sum + saving(other), 0);
        const trialSize = size + regained - saving(section);
        if (trialSize < size && (!best || trialSize < best.size)) best = { section, size: trialSize };
      }
      if (!best) break;
      for (const other of [...moved]) if (isInside(other, best.section)) moved.delete(other);
      moved.add(best.section);
      size = best.size;
    }
    if (size > budget) {
      if (owner) {
        diagnostics.push({ ...at(owner), severity: 'error', message: messages.sectionTooBig(owner.title, size, budget, `${input.outDir}/${path}`) });
      } else {
        const kept = flatten(candidates).filter((section) => !moved.has(section) && ![...moved].some((other) => isInside(section, other)) && !enclosing.has(section));
        diagnostics.push({ ...input.mainAt, severity: 'error', message: messages.immediateTooBig(`${input.outDir}/${path}`, size, budget, kept.map((section) => `'${section.title}'`)) });
      }
    }

    const slugs = new Set<string>();
    const body: string[] = [];
    const ordered = [...moved].sort((a, b) => a.start - b.start);
    let next = 0;
    for (let line = start; line < end; line++) {
      const mover = ordered[next];
      if (mover && line === mover.start) {
        const slug = uniqueSlug(slugify(mover.title), slugs);
        const childPath = `${dir}/${slug}.md`;
        body.push(messages.contextPointer(`${input.outDir}/${childPath}`, pointerWhen(mover)));
        const childBudget = input.contextBudget(childPath);
        const file: SplitFile = { path: childPath, lines: [], budget: childBudget, title: mover.title };
        contexts.push(file);
        file.lines = fit(mover.start, mover.contentEnd, mover.children, childBudget, 1, `${dir}/${slug}`, childPath, mover);
        line = mover.contentEnd - 1;
        next++;
        continue;
      }
      if (!markerLines.has(line)) body.push(input.lines[line].text);
    }
    return body;
  };

  const main = fit(0, input.lines.length, input.sections, input.mainBudget, input.mainOverhead, input.contextDir, input.mainPath);
  contexts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { main, contexts, diagnostics };
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}
