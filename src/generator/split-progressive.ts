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
  /** The section this context file holds, or for a group `"First" to "Last"`. */
  title: string;
}

export interface SplitResult {
  /** The main file's body lines, with moved sections replaced by pointer lines. */
  main: string[];
  contexts: SplitFile[];
  diagnostics: Diagnostic[];
}

/**
 * What leaves the file being fitted, replaced by one pointer line: one section, or a group of
 * consecutive sibling sections that share a context file. `end` is the last section's `contentEnd`.
 */
interface Move {
  sections: Section[];
  start: number;
  end: number;
}

/** One file being fitted: the lines `start..end` of the body, and the sections in it that may move. */
interface Scope {
  start: number;
  end: number;
  candidates: readonly Section[];
  /** Sections that hold the whole scope (a command's title, a group's members): they never move. */
  enclosing: ReadonlySet<Section>;
  budget: number;
  overhead: number;
  /** Folder for the scope's own context files. */
  dir: string;
  path: string;
  /** The section or group this context file holds; absent for the main file. */
  owner?: { title: string; start: number };
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

const groupTitle = (sections: readonly Section[]) => `"${sections[0].title}" to "${sections[sections.length - 1].title}"`;
const isWithin = (inner: { start: number; end: number }, outer: { start: number; end: number }) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Fits a template body into its line budget by moving whole heading sections into context files,
 * each replaced by one pointer line. Sections marked progressive move first; then, while the file is
 * over budget, the section whose move saves the most lines. When the pointer lines (and small sections
 * whose move saves nothing) still keep it over budget, consecutive sibling sections are grouped into one
 * context file behind one pointer. A context file over its own budget is split again at its own
 * sub-headings. Every body line ends up in exactly one file; marker lines are directives and are dropped.
 */
export function splitProgressive(input: SplitInput): SplitResult {
  const diagnostics: Diagnostic[] = [];
  const contexts: SplitFile[] = [];
  const markerLines = new Set(flatten(input.sections).flatMap((section) => (section.marker ? [section.marker.line] : [])));
  const hasShell = (section: Section) => {
    for (const line of input.shellLines) if (line >= section.start && line < section.end) return true;
    return false;
  };
  const at = (start: number) => ({ file: input.lines[start].file, line: input.lines[start].line });
  const slugs = new Map<Section, string>();
  const slugOf = (section: Section) => {
    if (!slugs.has(section)) slugs.set(section, slugify(section.title));
    return slugs.get(section) as string;
  };
  // A group's file is named after its first and last sections: `setup-to-deploy.md`.
  const groupSlug = (sections: readonly Section[]) => `${slugOf(sections[0])}-to-${slugOf(sections[sections.length - 1])}`;
  const budgets = new Map<string, number>();
  const contextBudget = (path: string) => {
    if (!budgets.has(path)) budgets.set(path, input.contextBudget(path));
    return budgets.get(path) as number;
  };

  for (const section of flatten(input.sections)) {
    if (section.marker?.kind === 'progressive' && hasShell(section)) {
      diagnostics.push({ ...at(section.start), severity: 'warning', message: messages.progressiveShellSection(section.title) });
    }
  }

  const notMarker: number[] = [0];
  input.lines.forEach((_, line) => notMarker.push(notMarker[line] + (markerLines.has(line) ? 0 : 1)));
  const count = (from: number, to: number) => notMarker[to] - notMarker[from];
  // Moving lines out saves them but costs the pointer line that replaces them.
  const saving = (range: { start: number; end: number }) => count(range.start, range.end) - 1;
  const range = (section: Section) => ({ start: section.start, end: section.contentEnd });

  const fit = (scope: Scope): string[] => {
    const { start, end, candidates, enclosing, budget } = scope;
    const all = flatten(candidates);
    const pinned = new Set<Section>();
    for (const section of all) if (section.marker?.kind === 'immediate') [section, ...flatten(section.children)].forEach((inner) => pinned.add(inner));
    // Moving a section that holds a pinned one would take the pinned one out of the file too.
    const movable = new Set(all.filter((section) => !pinned.has(section) && !enclosing.has(section) && !hasShell(section) && !flatten(section.children).some((inner) => pinned.has(inner))));

    // Moving a section folds the moves inside it into one: `inner` holds, per section, what the moves
    // inside it already save, so a move's gain is its saving minus that.
    const moved = new Set<Section>();
    const covered = new Set<Section>();
    const inner = new Map<Section, number>();
    const parentOf = new Map<Section, Section>();
    for (const section of all) for (const child of section.children) parentOf.set(child, section);
    const gainOf = (section: Section) => saving(range(section)) - (inner.get(section) ?? 0);
    let size = scope.overhead + count(start, end);
    const move = (section: Section) => {
      const gain = gainOf(section);
      for (let up = parentOf.get(section); up; up = parentOf.get(up)) inner.set(up, (inner.get(up) ?? 0) + gain);
      for (const below of flatten(section.children)) {
        covered.add(below);
        moved.delete(below);
      }
      moved.add(section);
      size -= gain;
    };

    // 1. Sections marked progressive move, whatever the budget (the outermost marked one of a branch).
    const markForced = (sections: readonly Section[]) => {
      for (const section of sections) {
        if (section.marker?.kind === 'progressive' && !hasShell(section) && !enclosing.has(section)) move(section);
        else markForced(section.children);
      }
    };
    markForced(candidates);

    // 2. While over budget, move the section whose move saves the most lines (the first on ties).
    while (size > budget) {
      let best: Section | undefined;
      for (const section of movable) {
        if (moved.has(section) || covered.has(section) || gainOf(section) <= 0) continue;
        if (!best || gainOf(section) > gainOf(best)) best = section;
      }
      if (!best) break;
      move(best);
    }

    // 3. Still over budget: the pointer lines and sections too small to gain from a move are what is
    // left. Bundle runs of consecutive siblings into shared context files, one pointer each: pack each
    // run left to right into groups of at most `cap` lines, for the smallest cap that makes the file
    // fit, then keep only the groups needed, smallest first. Small sections bundle; large ones keep
    // their own file. Groups fit the context budget and skip sections that cannot move or whose marker
    // says when to read them.
    let moves: Move[] = [...moved].map((section) => ({ sections: [section], ...range(section) }));
    if (size > budget) {
      const isGroupable = (section: Section) => movable.has(section) && section.marker?.when === undefined;
      const lists = [candidates, ...all.filter((section) => !isGroupable(section) && !covered.has(section) && !moved.has(section)).map((section) => section.children)];
      const runs: Section[][] = [];
      for (const list of lists) {
        let run: Section[] = [];
        for (const section of list) {
          if (isGroupable(section)) {
            run.push(section);
            continue;
          }
          if (run.length > 0) runs.push(run);
          run = [];
        }
        if (run.length > 0) runs.push(run);
      }
      // What a section costs the file now: its pointer if moved, else its lines minus the moves inside it.
      const cost = (section: Section) => (moved.has(section) ? 1 : count(section.start, section.contentEnd) - (inner.get(section) ?? 0));
      const gain = (group: Move) => {
        const gaps = count(group.start, group.end) - group.sections.reduce((sum, member) => sum + count(member.start, member.contentEnd), 0);
        return group.sections.reduce((sum, member) => sum + cost(member), 0) + gaps - 1;
      };
      // Packs every run for one cap; `next` is the smallest cap that would pack differently.
      const pack = (cap: number) => {
        const groups: Move[] = [];
        let next = Infinity;
        for (const run of runs) {
          for (let first = 0, last = 0; first < run.length; first = last + 1, last = first) {
            while (last + 1 < run.length) {
              const lines = count(run[first].start, run[last + 1].contentEnd);
              if (lines + 1 > contextBudget(`${scope.dir}/${groupSlug([run[first], run[last + 1]])}.md`)) break;
              if (lines > cap) {
                next = Math.min(next, lines);
                break;
              }
              last++;
            }
            if (last > first) groups.push({ sections: run.slice(first, last + 1), start: run[first].start, end: run[last].contentEnd });
          }
        }
        return { groups, next };
      };
      let groups: Move[] = [];
      for (let cap = 2; cap < Infinity; ) {
        const packed = pack(cap);
        groups = packed.groups;
        if (size - groups.reduce((sum, group) => sum + gain(group), 0) <= budget) break;
        cap = packed.next;
      }
      const chosen: Move[] = [];
      const bySize = [...groups].sort((a, b) => count(a.start, a.end) - count(b.start, b.end) || a.start - b.start);
      for (const group of bySize) {
        if (size <= budget) break;
        chosen.push(group);
        size -= gain(group);
      }
      const grouped = new Set(chosen.flatMap((group) => group.sections));
      moves = [...moves.filter((move) => !grouped.has(move.sections[0])), ...chosen];
    }

    if (size > budget) {
      if (scope.owner) {
        diagnostics.push({ ...at(scope.owner.start), severity: 'error', message: messages.sectionTooBig(scope.owner.title, size, budget, `${input.outDir}/${scope.path}`) });
      } else {
        const kept = all.filter((section) => !enclosing.has(section) && !moves.some((move) => isWithin(range(section), move)));
        const title = [...enclosing][0];
        const introStart = title ? title.start + 1 : start;
        const introEnd = (title ? title.children[0]?.start : candidates[0]?.start) ?? end;
        let intro = 0;
        for (let line = introStart; line < introEnd; line++) if (!markerLines.has(line) && input.lines[line].text.trim() !== '') intro++;
        diagnostics.push({
          ...input.mainAt,
          severity: 'error',
          message: messages.immediateTooBig(`${input.outDir}/${scope.path}`, size, budget, kept.map((section) => section.title), intro, moves.length),
        });
      }
    }

    const taken = new Set<string>();
    const body: string[] = [];
    const ordered = [...moves].sort((a, b) => a.start - b.start);
    let next = 0;
    for (let line = start; line < end; line++) {
      const move = ordered[next];
      if (move && line === move.start) {
        const [section] = move.sections;
        const isGroup = move.sections.length > 1;
        const slug = uniqueSlug(isGroup ? groupSlug(move.sections) : slugOf(section), taken);
        const childPath = `${scope.dir}/${slug}.md`;
        const when = isGroup ? messages.groupWhen(move.sections.map((member) => member.title)) : pointerWhen(section);
        body.push(messages.contextPointer(`${input.outDir}/${childPath}`, when));
        const childBudget = contextBudget(childPath);
        const file: SplitFile = { path: childPath, lines: [], budget: childBudget, title: isGroup ? groupTitle(move.sections) : section.title };
        contexts.push(file);
        file.lines = fit({
          start: move.start,
          end: move.end,
          // A group's members are its content, like a title: only what is under them may move on.
          candidates: isGroup ? move.sections : section.children,
          enclosing: new Set(isGroup ? move.sections : []),
          budget: childBudget,
          overhead: 1,
          dir: `${scope.dir}/${slug}`,
          path: childPath,
          owner: { title: file.title, start: move.start },
        });
        line = move.end - 1;
        next++;
        continue;
      }
      if (!markerLines.has(line)) body.push(input.lines[line].text);
    }
    return body;
  };

  // A main file whose body is one top-level section, with nothing before it, has that section as its
  // title: moving it would leave just a pointer behind.
  const [only] = input.sections;
  const isTitle = input.sections.length === 1 && input.lines.slice(0, only.start).every((line) => line.text.trim() === '');
  const main = fit({
    start: 0,
    end: input.lines.length,
    candidates: input.sections,
    enclosing: new Set(isTitle ? [only] : []),
    budget: input.mainBudget,
    overhead: input.mainOverhead,
    dir: input.contextDir,
    path: input.mainPath,
  });
  contexts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { main, contexts, diagnostics };
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}
