import type { TokenUsage } from '../claude/transcript/token-usage.js';

/**
 * Every way ctxkit can save or cost tokens. Each figure in a report carries one of these, so nobody has to
 * guess how a number was made (field-lessons #4).
 */
export type SavingMethod =
  | 'guard-replacement'
  | 'inflight-compression'
  | 'injection-replaced-rediscovery'
  | 'guard-hint-notes'
  | 'injected-context'
  | 'pool-denials'
  | 'llm-summaries';

/** How each figure is computed; printed next to the figures. Positive methods save, the others cost. */
export const SAVING_METHODS: Record<SavingMethod, { label: string; method: string }> = {
  'guard-replacement': {
    label: 'guard replacement (enforce)',
    method: 'size of the repeated output minus the stored summary the model saw instead',
  },
  'inflight-compression': {
    label: 'in-flight compression',
    method: 'size of the tool output minus its reduced form',
  },
  'injection-replaced-rediscovery': {
    label: 'injection replaced a rediscovery',
    method: 'estimate: full size of injected items the session then did not fetch itself',
  },
  'guard-hint-notes': {
    label: 'guard hints (cost)',
    method: 'notes added to outputs that were kept whole',
  },
  'injected-context': {
    label: 'injected context (cost)',
    method: "ctxkit's own context blocks (SessionStart, prompts, subagents)",
  },
  'pool-denials': {
    label: 'pool denial reasons (cost)',
    method: 'the reason text the model read for each Agent call the pool denied (what the denial saved is not claimed)',
  },
  'llm-summaries': {
    label: 'model-written summaries (cost)',
    method: 'input + output tokens of the summary model calls',
  },
};

/** One method's contribution: `tokens` is signed (positive saved, negative spent). */
export interface SavingLine {
  method: SavingMethod;
  count: number;
  tokens: number;
}

/** In-flight compression of one output family (test, lint, git, ...): how many outputs, tokens before and after. */
export interface InflightFamilyLine {
  family: string;
  count: number;
  tokensBefore: number;
  tokensAfter: number;
}

/** Usage with its sum and the number of API responses. */
export interface UsageFigures extends TokenUsage {
  total: number;
  apiCalls: number;
}

export interface InjectedFigures {
  tokens: number;
  blocks: number;
  /** `transcript`: counted from what reached the model; `accounting`: from ctxkit's records (no transcript). */
  source: 'transcript' | 'accounting' | 'none';
}

export interface SessionStats {
  sessionId: string;
  /** The first slash command of the session, if any. */
  command?: string;
  commands: string[];
  startedAt?: string;
  endedAt?: string;
  models: string[];
  hasTranscript: boolean;
  /** Session and subagents together; undefined without a transcript. */
  used?: UsageFigures;
  /** The subagents' share of `used`. */
  usedBySubagents?: UsageFigures;
  injected: InjectedFigures;
  rediscoveries: { hint: number; enforce: number };
  /** Empty when ctxkit's records are unavailable. */
  savings: SavingLine[];
  /** Sum of `savings`; undefined when ctxkit's records are unavailable (never a guess). */
  netSaved?: number;
  /** In-flight compression by output family, largest saving first. */
  inflight: InflightFamilyLine[];
  subagents: number;
  poolLeases: number;
  poolDenials: number;
  apiErrors: { rateLimit: number; overloaded: number; other: number };
  /** Transcript lines skipped as unparsable or unknown. */
  skippedLines: number;
}

/** The same figures summed over a group of sessions. */
export interface GroupStats {
  sessions: number;
  used: UsageFigures;
  injected: { tokens: number; blocks: number };
  rediscoveries: { hint: number; enforce: number };
  savings: SavingLine[];
  netSaved?: number;
  inflight: InflightFamilyLine[];
  subagents: number;
  poolLeases: number;
  poolDenials: number;
  apiErrors: { rateLimit: number; overloaded: number; other: number };
  skippedLines: number;
}

export interface CommandStats extends GroupStats {
  /** The slash command, or undefined for sessions that ran none. */
  command?: string;
}

export interface StatsReport {
  /** ISO time of the `--since` bound, when one was given. */
  since?: string;
  /** Whether ctxkit's own records were read (without them only transcript figures are shown). */
  accounting: 'available' | 'unavailable';
  sessions: SessionStats[];
  commands: CommandStats[];
  totals: GroupStats;
  /** How ctxkit's offline token estimates compare with what the API counted (`factor` = real / estimated, 1 below 3 samples). */
  calibration?: { real: number; estimated: number; samples: number; factor: number };
}
