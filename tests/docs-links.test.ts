import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/run-cli.js';

/** The README and every docs page: what a newcomer follows. */
const PAGES = ['README.md', ...readdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join('docs', name))];

describe('documentation links', () => {
  it.each(PAGES)('%s links only to files that exist', (page) => {
    const text = readFileSync(join(PROJECT_ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
    const targets = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/i.test(target));
    const missing = targets.filter((target) => !existsSync(resolve(dirname(join(PROJECT_ROOT, page)), target)));
    expect(missing).toEqual([]);
  });
});
