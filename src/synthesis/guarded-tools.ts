/** The tools the rediscovery guard watches, after they ran. */
export const GUARDED_TOOLS = ['Read', 'Grep', 'Glob'] as const;
export type GuardedTool = (typeof GUARDED_TOOLS)[number];
