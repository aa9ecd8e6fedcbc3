/** Where and how to ask the model; built by `llmSettings` from config and environment. */
export interface LlmSettings {
  model: string;
  apiKey: string;
  baseURL?: string;
}

/**
 * LLM mode applies only when config enables it and a key is present. Returns the settings, or
 * undefined to stay offline.
 */
export function llmSettings(llm: { enabled: boolean; model: string }, env: Record<string, string | undefined>): LlmSettings | undefined {
  const apiKey = env.ANTHROPIC_API_KEY;
  if (!llm.enabled || !apiKey) return undefined;
  return { model: llm.model, apiKey, ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}) };
}
