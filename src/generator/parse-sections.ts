import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A directive comment right after a heading: `<!-- progressive: when to read -->` or `<!-- immediate -->`. */
export interface SectionMarker {
  kind: 'progressive' | 'immediate';
  /** The text after `progressive:`, when given. */
  when?: string;
  /** 0-based index of the marker's line. */
  line: number;
}

/**
 * A heading and everything under it up to the next heading of the same or a higher level. Indices are
 * 0-based line indices into the text that was parsed.
 */
export interface Section {
  title: string;
  depth: number;
  /** The heading's line. */
  start: number;
  /** Exclusive end, sub-sections included. */
  end: number;
  /** Exclusive end without the trailing blank lines (which stay where the section was if it moves). */
  contentEnd: number;
  marker?: SectionMarker;
  children: Section[];
}

const MARKER = /^<!--\s*(progressive|immediate)\s*(?::\s*([\s\S]*?))?\s*-->$/;

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function readMarker(node: RootContent | undefined): SectionMarker | undefined {
  if (node?.type !== 'html' || !node.position || node.position.start.line !== node.position.end.line) return undefined;
  const match = MARKER.exec(node.value.trim());
  if (!match) return undefined;
  const when = match[2]?.trim();
  return { kind: match[1] as SectionMarker['kind'], ...(when ? { when } : {}), line: node.position.start.line - 1 };
}

/**
 * Parses markdown with remark and returns its top-level heading sections as a tree. Only headings that
 * are direct children of the document count, so a section boundary is never inside a code block,
 * list, block quote, table or HTML block.
 */
export function parseSections(lines: readonly string[]): Section[] {
  const tree = unified().use(remarkParse).parse(lines.join('\n')) as Root;
  const flat: Section[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || !node.position) return;
    flat.push({
      title: plainText(node as Heading).trim() || '(untitled)',
      depth: (node as Heading).depth,
      start: node.position.start.line - 1,
      end: lines.length,
      contentEnd: lines.length,
      marker: readMarker(tree.children[index + 1]),
      children: [],
    });
  });
  const roots: Section[] = [];
  const open: Section[] = [];
  for (const section of flat) {
    while (open.length > 0 && open[open.length - 1].depth >= section.depth) {
      (open.pop() as Section).end = section.start;
    }
    (open.length > 0 ? open[open.length - 1].children : roots).push(section);
    open.push(section);
  }
  for (const section of flat) {
    if (!section.marker) delete section.marker;
    let contentEnd = section.end;
    while (contentEnd > section.start + 1 && lines[contentEnd - 1].trim() === '') contentEnd--;
    section.contentEnd = contentEnd;
  }
  return roots;
}
