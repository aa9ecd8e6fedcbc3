import matter from 'gray-matter';

/** Where and why frontmatter could not be read. `line` is 1-based in the whole file. */
export interface FrontmatterError {
  message: string;
  line: number;
}

export interface ParsedFrontmatter {
  /** True when the file starts with a `---` fence. */
  present: boolean;
  data: Record<string, unknown>;
  /** The text after the closing fence (the whole text when there is no frontmatter). */
  body: string;
  /** 1-based line number in the file where `body` starts. */
  bodyStartLine: number;
  /** The raw YAML between the fences. */
  raw: string;
  /** Set when the YAML only parsed after auto-quoting, as Claude Code retries it (valid there). */
  autoQuoted: boolean;
  /** Set when even the auto-quoted YAML failed: Claude Code then ignores the frontmatter with a warning. */
  error?: FrontmatterError;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads frontmatter as tolerantly as Claude Code 2.1.197 does: a strict YAML parse, then a retry
 * with every plain scalar value quoted (so `argument-hint: [a] [b]` and `description: Fix: it` are
 * valid), and only then an error.
 */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fence = FENCE.exec(source);
  if (!fence) return { present: false, data: {}, body: source, bodyStartLine: 1, raw: '', autoQuoted: false };
  const raw = fence[1];
  const body = source.slice(fence[0].length);
  const bodyStartLine = fence[0].split('\n').length - (fence[0].endsWith('\n') ? 0 : 1);
  const base = { present: true, body, bodyStartLine: bodyStartLine, raw };
  const strict = tryParseYaml(raw);
  if (strict.ok) return { ...base, data: strict.data, autoQuoted: false };
  const retried = tryParseYaml(autoQuote(raw));
  if (retried.ok) return { ...base, data: retried.data, autoQuoted: true };
  return { ...base, data: {}, autoQuoted: false, error: { message: strict.message, line: 1 + strict.line } };
}

type YamlResult = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; line: number };

function tryParseYaml(raw: string): YamlResult {
  try {
    // An options object bypasses gray-matter's cache, which would hand back a shared mutable result.
    const parsed = matter(`---\n${raw}\n---\n`, {});
    const data = parsed.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, message: 'frontmatter is not a mapping of keys to values', line: 1 };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    // +1: the YAML starts on the line after the opening fence.
    return { ok: false, message: reason, line: (mark?.line ?? 0) + 1 };
  }
}

/** Quotes `key: value` lines whose value is a plain scalar that YAML would misread. */
function autoQuote(raw: string): string {
  return raw
    .split('\n')
    .map((line) => {
      const match = /^([A-Za-z0-9_-]+):[ \t]+(.+?)[ \t]*$/.exec(line);
      if (!match) return line;
      const value = match[2];
      if (/^["'|>]/.test(value) || /^(true|false|null|~|-?\d+(\.\d+)?)$/.test(value)) return line;
      return `${match[1]}: ${JSON.stringify(value)}`;
    })
    .join('\n');
}
