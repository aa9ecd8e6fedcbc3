export { CTXKIT_CONTEXT_MARKER, isCtxkitContext, markCtxkitContext } from './marker.js';
export { classifyApiError } from './classify-api-error.js';
export { claudeProjectsDir, projectFolderName, projectFolderPrefix } from './project-folder.js';
export { findProjectTranscriptFolders, readSessionTranscript, readTranscriptFile, readTranscripts, type ReadOptions } from './read-transcripts.js';
export { TranscriptSummarizer, summarizeTranscript, type SummarizerOptions } from './transcript-summarizer.js';
export { addUsage, emptyUsage, totalTokens, type TokenUsage } from './token-usage.js';
export type {
  ApiError,
  ApiErrorKind,
  InjectedContext,
  LineCounts,
  SessionTranscript,
  SlashCommand,
  ToolCall,
  ToolResult,
  TranscriptSummary,
} from './transcript-summary.js';
