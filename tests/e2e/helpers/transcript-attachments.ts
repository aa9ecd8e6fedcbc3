import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One `attachment` line of a Claude Code transcript (hook results live here). */
export interface TranscriptAttachment {
  file: string;
  type: string;
  hookName?: string;
  hookEvent?: string;
  command?: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  content?: unknown;
  [key: string]: unknown;
}

/** Attachment types Claude Code 2.1.197 writes when a hook failed, blocked or was cancelled. */
export const HOOK_PROBLEM_TYPES = ['hook_non_blocking_error', 'hook_blocking_error', 'hook_cancelled'] as const;

function jsonlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonlFiles(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

/** Every attachment in the transcripts under `transcriptDir`, subagent transcripts included. */
export function transcriptAttachments(transcriptDir: string): TranscriptAttachment[] {
  return jsonlFiles(transcriptDir).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as { type?: string; attachment?: Record<string, unknown> })
      .filter((entry) => entry.type === 'attachment' && entry.attachment)
      .map((entry) => ({ file, ...(entry.attachment as Record<string, unknown>) }) as TranscriptAttachment),
  );
}

/** Hook failures, blocks and cancellations Claude Code recorded, optionally only for commands containing `commandPart`. */
export function hookProblems(transcriptDir: string, commandPart?: string): TranscriptAttachment[] {
  return transcriptAttachments(transcriptDir).filter(
    (attachment) =>
      (HOOK_PROBLEM_TYPES as readonly string[]).includes(attachment.type) &&
      (commandPart === undefined || String(attachment.command ?? '').includes(commandPart)),
  );
}
