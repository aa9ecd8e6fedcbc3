import type { CompiledOutput, OutputKind } from './compile-types.js';
import { isHandEdited, parseGeneratedHeader } from './generated-header.js';

/** An existing file in the out folder (path relative to it). */
export interface ExistingFile {
  path: string;
  content: string;
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged' | 'blocked';

/**
 * How a file on disk compares with what the templates produce:
 * `ok` up to date; `missing` not written yet; `stale` written from an older template;
 * `orphaned` generated from a template that no longer exists; `hand-edited` generated, then changed by
 * hand (its header hash no longer matches); `not-generated` a hand-written file where an output belongs.
 */
export type FileStatus = 'ok' | 'missing' | 'stale' | 'orphaned' | 'hand-edited' | 'not-generated';

export interface PlannedChange {
  /** Relative to the out folder. */
  path: string;
  action: ChangeAction;
  status: FileStatus;
  kind?: OutputKind;
  /** Lines and budget of the new content (absent for deletions). */
  lines?: number;
  budget?: number;
  /** Lines of the file on disk, when there is one. */
  previousLines?: number;
  before?: string;
  after?: string;
}

function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * Compares compiled outputs with the files on disk and decides, per path, what generate would do.
 * Only files that carry the generated header are ever updated or deleted; a hand-edited generated file
 * or a hand-written file in an output's place is `blocked` unless `force` is set, so no edit is lost.
 */
export function planChanges(outputs: readonly CompiledOutput[], existing: readonly ExistingFile[], options: { force?: boolean } = {}): PlannedChange[] {
  const onDisk = new Map(existing.map((file) => [file.path, file.content]));
  const changes: PlannedChange[] = [];
  for (const output of outputs) {
    const before = onDisk.get(output.path);
    const base = { path: output.path, kind: output.kind, lines: output.lines, budget: output.budget, after: output.content };
    if (before === undefined) {
      changes.push({ ...base, action: 'create', status: 'missing' });
      continue;
    }
    const withBefore = { ...base, before, previousLines: countLines(before) };
    if (before === output.content) {
      changes.push({ ...withBefore, action: 'unchanged', status: 'ok' });
      continue;
    }
    const status: FileStatus = parseGeneratedHeader(before) === undefined ? 'not-generated' : isHandEdited(before) ? 'hand-edited' : 'stale';
    changes.push({ ...withBefore, action: status === 'stale' || options.force ? 'update' : 'blocked', status });
  }
  const produced = new Set(outputs.map((output) => output.path));
  for (const file of existing) {
    if (produced.has(file.path) || parseGeneratedHeader(file.content) === undefined) continue;
    const handEdited = isHandEdited(file.content);
    changes.push({
      path: file.path,
      action: handEdited && !options.force ? 'blocked' : 'delete',
      status: handEdited ? 'hand-edited' : 'orphaned',
      before: file.content,
      previousLines: countLines(file.content),
    });
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
