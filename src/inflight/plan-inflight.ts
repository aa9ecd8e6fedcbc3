import { estimateRawTokens } from '../tokens/estimate-raw-tokens.js';
import type { CtxkitConfig } from '../config/defaults.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { isExcludedCommand, isRawCommand } from './command-rules.js';
import { detectFamily } from './detect-family.js';
import type { Family } from './families/family-result.js';
import { isFaithful } from './is-faithful.js';
import { loadCompress } from './load-compress.js';
import { reduceOutput } from './reduce-output.js';
import { isToolEnabled, readToolOutput } from './tool-output.js';

export type InflightConfig = CtxkitConfig['inflight'];

export interface InflightInput {
  toolName: string;
  toolInput: unknown;
  toolResponse: unknown;
  config: InflightConfig;
  /** The hook's environment: `CTXKIT_RAW=1` there turns replacement off for the whole session. */
  env?: Record<string, string | undefined>;
  /** The whole output when Claude Code persisted it to a file (Bash `persistedOutputPath`), read by the shell. */
  fullText?: string;
}

/** What the model would get instead, before the id of the stored original is known. */
export interface InflightReplacement {
  type: 'replace';
  family: Family;
  /** Tokens of the text the model would have read, and of what it reads instead. */
  tokensBefore: number;
  tokensAfter: number;
  outputKey: 'updatedToolOutput' | 'updatedMCPToolOutput';
  /** The response to hand back, ending with the line that names `ctxkit show <id>`. */
  render: (id: number) => { response: unknown; tokensAfter: number };
  /** The whole output was persisted by Claude Code, so the model sees only the first 2 KB of the replacement. */
  persisted: boolean;
}

export type InflightPlan = InflightReplacement | { type: 'pass'; reason: string };

/** Claude Code shows the model a 2 KB preview of an output it persisted; the digest has to fit there. */
export const PERSISTED_PREVIEW_TOKENS = 450;

const pass = (reason: string): InflightPlan => ({ type: 'pass', reason });

// Control characters other than tab, newline, carriage return and escape, and U+FFFD (bytes that were not UTF-8).
const ODD_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\ufffd]/;

/** Binary bytes, or text that was not UTF-8: nothing a reducer can shorten faithfully. */
export function looksBinary(text: string): boolean {
  // Most outputs have no odd character at all: one native scan says so.
  if (!ODD_CHARACTER.test(text)) return false;
  if (text.includes('\u0000')) return true;
  const sample = text.length > 200_000 ? text.slice(0, 100_000) + text.slice(-100_000) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 27)) odd++;
  }
  return odd > sample.length * 0.01;
}

/** Target size of a reduced output: a share of the original, never below a floor that fits a summary. */
export function budgetFor(tokens: number, mode: InflightConfig['mode']): number {
  return mode === 'aggressive' ? Math.max(150, Math.ceil(tokens * 0.08)) : Math.max(250, Math.ceil(tokens * 0.15));
}

/** Smallest saving worth a replacement: below it the model gets the original. */
const MIN_SAVING = 0.2;

function trailer(id: number, family: Family, before: number, after: number): string {
  return `[ctxkit: ${family} output reduced from ~${before} to ~${after} tokens. Full output: ctxkit show ${id} (add --grep PATTERN or --lines A-B for a part)]`;
}

/**
 * Decides whether a tool output is replaced for the model, and by what. Checks in order: mode,
 * tool switch, known response shape, `CTXKIT_RAW=1`, `inflight.exclude`, size, binary content;
 * then reduces by family and keeps the result only when it is faithful (no invented or garbled
 * identifiers) and saves at least a fifth. Pure apart from the lazy import of the code skeleton.
 */
export async function planInflight(input: InflightInput): Promise<InflightPlan> {
  const { config, toolName } = input;
  if (config.mode === 'off') return pass('inflight.mode is off');
  if (!isToolEnabled(toolName, config.tools)) return pass(`inflight.tools.${toolName.startsWith('mcp__') ? 'mcp' : toolName} is off`);
  if (input.env?.CTXKIT_RAW === '1') return pass('CTXKIT_RAW=1 in the environment');
  const output = readToolOutput(toolName, input.toolInput, input.toolResponse);
  if (!output) return pass('unknown tool response shape');
  const toolInput = (typeof input.toolInput === 'object' && input.toolInput !== null ? input.toolInput : {}) as Record<string, unknown>;
  const command = typeof toolInput.command === 'string' ? toolInput.command : undefined;
  if (command !== undefined && isRawCommand(command)) return pass('CTXKIT_RAW=1 command');
  if (command !== undefined && isExcludedCommand(command, config.exclude)) return pass('command matches inflight.exclude');
  const persisted = output.persistedPath !== undefined;
  if (persisted && input.fullText === undefined) return pass('persisted output could not be read');
  const text = persisted ? input.fullText! : output.text;
  if (looksBinary(text)) return pass('binary or non-UTF-8 output');
  const tokensBefore = estimateRawTokens(text);
  if (tokensBefore < config.minTokens) return pass('under inflight.minTokens');

  let family: Family;
  let body: string;
  let bodyTokens: number;
  if (toolName === 'Read') {
    const lines = text.split('\n').length;
    if (lines <= config.readMinLines) return pass('file under inflight.readMinLines');
    const path = typeof toolInput.file_path === 'string' ? toolInput.file_path : undefined;
    const { compress } = await loadCompress();
    const reduced = await compress(text, { path, budgetTokens: budgetFor(tokensBefore, config.mode) });
    family = 'code';
    body = `${reduced.text}\n(ctxkit: a ${reduced.kind === 'code' ? 'skeleton' : 'summary'} of ${lines} lines; Read with offset and limit for a range)`;
    bodyTokens = estimateTokens(body);
  } else {
    family = detectFamily(text, { toolName, command });
    if (family === 'code') return pass('no reducer');
    const query = typeof toolInput.prompt === 'string' ? toolInput.prompt : typeof toolInput.pattern === 'string' ? toolInput.pattern : undefined;
    const budget = persisted ? PERSISTED_PREVIEW_TOKENS : budgetFor(tokensBefore, config.mode);
    const reduced = reduceOutput(family, text, { budgetTokens: budget, query });
    body = reduced.text;
    bodyTokens = reduced.tokensAfter;
    if (!isFaithful(text, body)) return pass(`${family} reducer output failed the faithfulness check`);
  }
  // With a persisted output the model would have read a 2 KB preview: the gain is what the digest holds, not its size.
  const seenBefore = persisted ? estimateTokens(text.slice(0, 2000)) : tokensBefore;
  if (!persisted && bodyTokens > tokensBefore * (1 - MIN_SAVING)) return pass('reduction saves too little');
  const render = (id: number) => {
    const line = trailer(id, family, tokensBefore, bodyTokens);
    const replaced = persisted ? `${line}\n${body}` : `${body}\n${line}`;
    // The body was sized already: only the trailer is new.
    return { response: output.replace(replaced), tokensAfter: persisted ? Math.min(seenBefore, estimateTokens(replaced.slice(0, 2000))) : bodyTokens + estimateTokens(line) };
  };
  return { type: 'replace', family, tokensBefore: seenBefore, tokensAfter: bodyTokens, outputKey: output.outputKey, render, persisted };
}
