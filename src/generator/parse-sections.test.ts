import { describe, expect, it } from 'vitest';
import { parseSections, type Section } from './parse-sections.js';

const outline = (sections: Section[]): unknown[] =>
  sections.map((s) => [s.title, s.start, s.contentEnd, s.end, s.marker ? `${s.marker.kind}${s.marker.when ? `:${s.marker.when}` : ''}@${s.marker.line}` : '', outline(s.children)]);

describe('parseSections', () => {
  it('builds a tree of heading sections with ranges that exclude trailing blank lines', () => {
    const lines = ['# T', 'intro', '', '## A', 'a', '', '### A1', 'a1', '', '## B', 'b', ''];
    expect(outline(parseSections(lines))).toEqual([
      ['T', 0, 11, 12, '', [
        ['A', 3, 8, 9, '', [['A1', 6, 8, 9, '', []]]],
        ['B', 9, 11, 12, '', []],
      ]],
    ]);
  });

  it('reads markers only on the block right after the heading', () => {
    const lines = ['## A', '<!-- progressive: when asked -->', 'text', '## B', '', '<!-- immediate -->', '## C', 'x', '<!-- progressive -->'];
    expect(outline(parseSections(lines)).map((s) => (s as unknown[])[4])).toEqual(['progressive:when asked@1', 'immediate@5', '']);
  });

  it('ignores headings inside code blocks, lists and block quotes; reads setext headings', () => {
    const lines = ['```', '# code', '```', '- item', '', '  # in list', '> # quoted', '', 'Setext', '------', 'body'];
    expect(outline(parseSections(lines))).toEqual([['Setext', 8, 11, 11, '', []]]);
  });

  it('takes plain text of a heading with inline markup', () => {
    expect(parseSections(['## Run `npm test` *now*'])[0].title).toBe('Run npm test now');
  });
});
