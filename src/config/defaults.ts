export type GuardMode = 'off' | 'hint' | 'enforce';
export type InflightMode = 'off' | 'safe' | 'aggressive';
export type Severity = 'off' | 'warn' | 'error';

export interface BudgetOverride {
  glob: string;
  maxLines?: number;
  maxTokens?: number;
}

/** ctxkit.config.json after defaults are applied. Keys and meanings: src/config/schema.ts. */
export interface CtxkitConfig {
  templates: string;
  out: string;
  variables: Record<string, string>;
  budgets: {
    commandLines: number;
    contextLines: number;
    agentLines: number;
    claudeMdLines: number;
    fileTokens: number;
    lineLength: number;
    overrides: BudgetOverride[];
  };
  lint: {
    include: string[];
    exclude: string[];
    rules: Record<string, Severity>;
    maxWarnings?: number;
  };
  store: { dir: string; maxBlobMegabytes: number };
  privacy: { exclude: string[] };
  guard: { mode: GuardMode; tools: Partial<Record<'Read' | 'Grep' | 'Glob', GuardMode>> };
  inject: { budgetTokens: number; minScore: number; subagents: Record<string, { budgetTokens?: number }> };
  inflight: {
    mode: InflightMode;
    minTokens: number;
    tools: { Bash: boolean; Grep: boolean; Glob: boolean; WebFetch: boolean; mcp: boolean; Read: boolean };
    readMinLines: number;
    exclude: string[];
  };
  pool: {
    maxConcurrent: number;
    maxPerSession: number;
    sessionTokenBudget?: number;
    cooldownSeconds: number;
    leaseMinutes: number;
  };
  llm: { enabled: boolean; model: string };
}

export const defaultConfig: CtxkitConfig = {
  templates: 'templates',
  out: '.claude',
  variables: {},
  budgets: {
    commandLines: 140,
    contextLines: 200,
    agentLines: 200,
    claudeMdLines: 200,
    fileTokens: 5000,
    lineLength: 400,
    overrides: [],
  },
  lint: {
    include: ['.claude/commands/**/*.md', '.claude/agents/**/*.md', '.claude/context/**/*.md', '**/CLAUDE.md'],
    exclude: ['**/node_modules/**'],
    rules: {},
  },
  store: { dir: '.ctxkit', maxBlobMegabytes: 256 },
  privacy: {
    exclude: ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*', '**/id_ecdsa*', '**/*.p12', '**/*.pfx', '**/credentials*'],
  },
  guard: { mode: 'hint', tools: {} },
  inject: { budgetTokens: 1500, minScore: 1, subagents: {} },
  inflight: {
    mode: 'safe',
    minTokens: 1000,
    tools: { Bash: true, Grep: true, Glob: true, WebFetch: true, mcp: true, Read: false },
    readMinLines: 400,
    exclude: [],
  },
  pool: { maxConcurrent: 4, maxPerSession: 24, cooldownSeconds: 120, leaseMinutes: 30 },
  llm: { enabled: false, model: 'claude-haiku-4-5' },
};
