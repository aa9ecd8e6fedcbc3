/**
 * The JSON Schema of ctxkit.config.json. One source of truth: the loader validates against it,
 * `schema/ctxkit.config.schema.json` is written from it, and the README documents every key in it.
 */
const mode = (values: string[], description: string, fallback: string) =>
  ({ type: 'string', enum: values, default: fallback, description }) as const;

const budgetOverride = {
  type: 'object',
  additionalProperties: false,
  required: ['glob'],
  properties: {
    glob: { type: 'string', description: 'Files this budget applies to (matched against the path relative to the repo root).' },
    maxLines: { type: 'integer', minimum: 1, description: 'Line budget for matching files.' },
    maxTokens: { type: 'integer', minimum: 1, description: 'Estimated token budget for matching files.' },
  },
} as const;

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ctxkit.dev/schema/ctxkit.config.schema.json',
  title: 'ctxkit configuration (ctxkit.config.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
    templates: { type: 'string', default: 'templates', description: 'Folder of templates that `ctxkit generate` compiles.' },
    out: { type: 'string', default: '.claude', description: 'Folder that generated commands, agents and context files are written to.' },
    variables: {
      type: 'object',
      additionalProperties: { type: 'string' },
      default: {},
      description: 'Values for `{{name}}` placeholders in templates.',
    },
    budgets: {
      type: 'object',
      additionalProperties: false,
      description: 'Progressive-disclosure budgets, used by generate and lint.',
      properties: {
        commandLines: { type: 'integer', minimum: 1, default: 140, description: 'Most lines a command file may hold.' },
        contextLines: { type: 'integer', minimum: 1, default: 200, description: 'Most lines a context file may hold.' },
        agentLines: { type: 'integer', minimum: 1, default: 200, description: 'Most lines an agent file may hold.' },
        claudeMdLines: { type: 'integer', minimum: 1, default: 200, description: 'Most lines a CLAUDE.md may hold.' },
        fileTokens: { type: 'integer', minimum: 1, default: 5000, description: 'Most estimated tokens any one linted file may hold.' },
        lineLength: { type: 'integer', minimum: 1, default: 400, description: 'Longest line, in characters, before lint warns.' },
        overrides: { type: 'array', items: budgetOverride, default: [], description: 'Per-glob budgets; the last matching entry wins.' },
      },
    },
    lint: {
      type: 'object',
      additionalProperties: false,
      description: '`ctxkit lint` settings.',
      properties: {
        include: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of files to lint (default: .claude/commands/**/*.md, .claude/agents/**/*.md, .claude/context/**/*.md, **/CLAUDE.md).',
        },
        exclude: { type: 'array', items: { type: 'string' }, default: [], description: 'Globs never linted.' },
        rules: {
          type: 'object',
          additionalProperties: { type: 'string', enum: ['off', 'warn', 'error'] },
          default: {},
          description: 'Severity per rule id: off, warn or error.',
        },
        maxWarnings: { type: 'integer', minimum: 0, description: 'Fail when there are more warnings than this.' },
      },
    },
    store: {
      type: 'object',
      additionalProperties: false,
      description: 'Where captured discoveries live.',
      properties: {
        dir: { type: 'string', default: '.ctxkit', description: 'Store folder, relative to the project root (added to .gitignore by install).' },
        maxBlobMegabytes: { type: 'integer', minimum: 1, default: 256, description: 'Cap on stored originals; the oldest are evicted first.' },
      },
    },
    privacy: {
      type: 'object',
      additionalProperties: false,
      description: 'What is never captured.',
      properties: {
        exclude: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of paths never captured (default: .env*, *.pem, *.key, id_rsa*, id_ed25519*, *.p12, *.pfx, credentials*).',
        },
      },
    },
    guard: {
      type: 'object',
      additionalProperties: false,
      description: 'The rediscovery guard (PostToolUse on Read, Grep, Glob).',
      properties: {
        mode: mode(['off', 'hint', 'enforce'], 'off: nothing; hint: add a note; enforce: replace a rediscovered output with the pool summary.', 'hint'),
        tools: {
          type: 'object',
          additionalProperties: false,
          description: 'Per-tool mode, overriding guard.mode.',
          properties: {
            Read: { type: 'string', enum: ['off', 'hint', 'enforce'] },
            Grep: { type: 'string', enum: ['off', 'hint', 'enforce'] },
            Glob: { type: 'string', enum: ['off', 'hint', 'enforce'] },
          },
        },
      },
    },
    inject: {
      type: 'object',
      additionalProperties: false,
      description: 'What the hooks inject at session start, each prompt and each new subagent.',
      properties: {
        budgetTokens: { type: 'integer', minimum: 0, default: 1500, description: 'Token budget per injection (0 turns injection off).' },
        minScore: { type: 'number', minimum: 0, default: 1, description: 'Relevance below which nothing is injected.' },
        subagents: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { budgetTokens: { type: 'integer', minimum: 0 } },
          },
          default: {},
          description: 'Budget per subagent type (agent_type), e.g. {"Explore": {"budgetTokens": 800}}; 0 for none.',
        },
      },
    },
    inflight: {
      type: 'object',
      additionalProperties: false,
      description: 'In-flight compression of large tool outputs (PostToolUse).',
      properties: {
        mode: mode(['off', 'safe', 'aggressive'], 'off: never replace; safe: keep every must-keep line; aggressive: tighter budgets.', 'safe'),
        minTokens: { type: 'integer', minimum: 1, default: 1000, description: 'Outputs smaller than this pass through untouched.' },
        tools: {
          type: 'object',
          additionalProperties: false,
          description: 'Per-tool switches.',
          properties: {
            Bash: { type: 'boolean', default: true },
            Grep: { type: 'boolean', default: true },
            Glob: { type: 'boolean', default: true },
            WebFetch: { type: 'boolean', default: true },
            mcp: { type: 'boolean', default: true },
            Read: { type: 'boolean', default: false, description: 'Opt-in: large files read whole become a skeleton.' },
          },
        },
        readMinLines: { type: 'integer', minimum: 1, default: 400, description: 'With tools.Read, files over this many lines read without offset/limit become a skeleton.' },
        exclude: { type: 'array', items: { type: 'string' }, default: [], description: 'Regular expressions of commands whose output is never replaced.' },
      },
    },
    pool: {
      type: 'object',
      additionalProperties: false,
      description: 'The subagent resource pool.',
      properties: {
        maxConcurrent: { type: 'integer', minimum: 1, default: 4, description: 'Subagents running at once across sessions of this project.' },
        maxPerSession: { type: 'integer', minimum: 1, default: 24, description: 'Subagents one session may start in all.' },
        sessionTokenBudget: { type: 'integer', minimum: 1, description: 'Deny new subagents once a session has used this many tokens.' },
        cooldownSeconds: { type: 'integer', minimum: 1, default: 120, description: 'After a rate-limit failure, how long the limit stays lowered before each step back up.' },
        leaseMinutes: { type: 'integer', minimum: 1, default: 30, description: 'A lease older than this, with no sign of life, expires.' },
      },
    },
    llm: {
      type: 'object',
      additionalProperties: false,
      description: 'Optional model-written summaries (off by default; needs ANTHROPIC_API_KEY).',
      properties: {
        enabled: { type: 'boolean', default: false },
        model: { type: 'string', default: 'claude-haiku-4-5' },
      },
    },
  },
} as const;
