import { describe, expect, it } from 'vitest';
import type { CompileResult } from './compile-types.js';
import { compileTemplates } from './compile-templates.js';

/**
 * Property: whatever the template and the budgets, every line of template content lands in exactly one
 * output file, every output stays within its budget, code blocks, lists and tables stay whole and in
 * one file, and every context file is reachable from exactly one pointer line.
 */

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  template: string;
  /** Lines the outputs must hold, once each (the body minus marker directives). */
  contentLines: string[];
  /** Code blocks, lists and tables, each of which must appear whole in a single output. */
  blocks: string[][];
}

type Size = 'small' | 'large' | 'many';

function generateTemplate(seed: number, size: Size): Generated {
  const next = random(seed);
  const pick = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  let id = 0;
  const body: string[] = [];
  const blocks: string[][] = [];
  const markers = new Set<number>();

  const addBlock = () => {
    const tag = `b${seed}-${id++}`;
    const kind = pick(0, 3);
    let lines: string[];
    if (kind === 0) lines = Array.from({ length: pick(1, 6) }, (_, i) => `Paragraph ${tag} sentence ${i}.`);
    else if (kind === 1) lines = ['```md', `## not a heading ${tag}`, ...Array.from({ length: pick(0, 6) }, (_, i) => `code ${tag} ${i}`), '```'];
    else if (kind === 2) lines = Array.from({ length: pick(1, 5) }, (_, i) => [`- item ${tag} ${i}`, ...(i % 2 ? [`  continued ${tag} ${i}`] : [])]).flat();
    else lines = [`| key ${tag} | value |`, '| --- | --- |', ...Array.from({ length: pick(1, 5) }, (_, i) => `| row ${tag} ${i} | ${i} |`)];
    if (kind !== 0) blocks.push(lines);
    body.push(...lines, '');
  };

  // Many small sections: a heading alone, or with one short block; now and then a few sub-sections.
  const addSmallSection = (depth: number) => {
    body.push(`${'#'.repeat(depth)} Small ${seed}-${id++}`);
    const roll = next();
    if (roll < 0.06) {
      markers.add(body.length);
      body.push(next() < 0.5 ? '<!-- progressive -->' : '<!-- progressive: when the task needs it -->');
    } else if (roll < 0.08) {
      markers.add(body.length);
      body.push('<!-- immediate -->');
    }
    if (next() < 0.5) {
      body.push('');
      addBlock();
    } else if (next() < 0.5) body.push('');
    if (depth < 4 && next() < 0.15) for (let i = pick(1, 3); i > 0; i--) addSmallSection(depth + 1);
  };

  const addSection = (depth: number, budget: number) => {
    body.push(`${'#'.repeat(depth)} Section ${seed}-${id++}`);
    const roll = next();
    if (roll < 0.25) {
      markers.add(body.length);
      body.push(next() < 0.5 ? '<!-- progressive -->' : '<!-- progressive: when the task needs it -->');
    } else if (roll < 0.28 && depth >= 3) {
      markers.add(body.length);
      body.push('<!-- immediate -->');
    }
    body.push('');
    for (let i = pick(1, 3); i > 0; i--) addBlock();
    if (depth < 4 && budget > 0) for (let i = pick(0, size === 'large' ? 4 : 2); i > 0; i--) addSection(depth + 1, budget - 1);
  };

  if (next() < 0.5) body.push(`# Title ${seed}`, '');
  for (let i = pick(0, 2); i > 0; i--) addBlock();
  if (size === 'many') for (let i = pick(20, 80); i > 0; i--) addSmallSection(2);
  else for (let i = pick(1, size === 'large' ? 9 : 4); i > 0; i--) addSection(2, size === 'large' ? 2 : 1);

  const template = `---\ndescription: Generated case ${seed}\n---\n${body.join('\n')}\n`;
  return { template, contentLines: body.filter((_, index) => !markers.has(index)), blocks };
}

function outputBodies(result: CompileResult): Map<string, string[]> {
  const bodies = new Map<string, string[]>();
  for (const output of result.outputs) {
    const lines = output.content.split('\n').slice(0, -1);
    bodies.set(output.path, lines.slice(lines.findIndex((line) => line.startsWith('<!-- ctxkit:generated')) + 1));
  }
  return bodies;
}

function countMap(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

const POINTER = /^- Read \.claude\/(context\/\S+\.md) /;

function checkProperties(generated: Generated, result: CompileResult): void {
  for (const output of result.outputs) expect(output.lines, output.path).toBeLessThanOrEqual(output.budget);
  const bodies = outputBodies(result);
  const all = [...bodies.values()].flat();
  const pointers = all.filter((line) => POINTER.test(line));
  expect(countMap(all.filter((line) => !POINTER.test(line)))).toEqual(countMap(generated.contentLines));

  const targets = pointers.map((line) => (POINTER.exec(line) as RegExpExecArray)[1]);
  // A group's pointer names the sections it holds, starting with the one its file opens with.
  for (const [index, target] of targets.entries()) {
    if (!/-to-[^/]*\.md$/.test(target)) continue;
    const firstTitle = (bodies.get(target) as string[])[0].replace(/^#+ /, '');
    expect(pointers[index]).toMatch(new RegExp(`when you need "${firstTitle}"( to | or |, )"`));
  }
  const contexts = result.outputs.filter((output) => output.kind === 'context').map((output) => output.path);
  expect([...targets].sort()).toEqual([...contexts].sort());

  for (const block of generated.blocks) {
    const text = block.join('\n');
    const holders = [...bodies.entries()].filter(([, lines]) => lines.join('\n').includes(text));
    expect(holders.length, `block ${block[0]} must be whole in one file`).toBe(1);
  }
}

describe('content preservation across the progressive split', () => {
  const cases: { seed: number; size: Size; commandLines: number; contextLines: number }[] = [];
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed * 7919);
    cases.push({ seed, size: seed % 3 === 0 ? 'large' : 'small', commandLines: 30 + Math.floor(next() * 110), contextLines: 40 + Math.floor(next() * 160) });
  }
  // Many small sections under tight budgets: the pointer lines alone would overflow, so sections group.
  for (let seed = 41; seed <= 70; seed++) {
    const next = random(seed * 7919);
    cases.push({ seed, size: 'many', commandLines: 20 + Math.floor(next() * 40), contextLines: 20 + Math.floor(next() * 60) });
  }

  it('keeps every line exactly once, within budget, blocks whole, on generated templates', () => {
    let compiled = 0;
    let split = 0;
    let grouped = 0;
    for (const testCase of cases) {
      const generated = generateTemplate(testCase.seed, testCase.size);
      const input = {
        templates: [{ path: `commands/case-${testCase.seed}.md`, content: generated.template }],
        partials: [],
        variables: {},
        budgets: { commandLines: testCase.commandLines, contextLines: testCase.contextLines, agentLines: 200, overrides: [] },
      };
      const result = compileTemplates(input);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        // The only acceptable failure is a budget no split can meet, reported, with nothing written.
        for (const error of errors) expect(error.message).toMatch(/over its \d+-line budget|still needs \d+ lines/);
        expect(result.outputs).toEqual([]);
        continue;
      }
      compiled++;
      if (result.outputs.length > 1) split++;
      if (result.outputs.some((output) => /-to-[^/]*\.md$/.test(output.path))) grouped++;
      checkProperties(generated, result);
      expect(JSON.stringify(compileTemplates(input))).toBe(JSON.stringify(result));
    }
    // The generator must exercise both outcomes, or the property says nothing.
    expect(compiled).toBeGreaterThanOrEqual(30);
    expect(split).toBeGreaterThanOrEqual(15);
    expect(grouped).toBeGreaterThanOrEqual(15);
  });

  it('splits a 2,000-line template into files that all fit', () => {
    const sections = Array.from({ length: 40 }, (_, s) => [
      `## Part ${s}`,
      '',
      ...Array.from({ length: 4 }, (_, t) => [`### Topic ${s}.${t}`, '', ...Array.from({ length: 10 }, (_, l) => `Text ${s}.${t}.${l}`), '', '```sh', `echo ${s}.${t}`, '```', '']).flat(),
    ]).flat();
    const template = `# Manual\n\n${sections.join('\n')}\n`;
    const result = compileTemplates({
      templates: [{ path: 'commands/manual.md', content: template }],
      partials: [],
      variables: {},
      budgets: { commandLines: 140, contextLines: 60, agentLines: 200, overrides: [] },
    });
    expect(result.diagnostics).toEqual([]);
    expect(template.split('\n').length).toBeGreaterThan(2000);
    expect(result.outputs.length).toBeGreaterThan(40);
    checkProperties({ template, contentLines: template.split('\n').slice(0, -1), blocks: [] }, result);
  });
});
