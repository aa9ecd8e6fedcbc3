import type { Discovery } from '../store/store.js';

const VERB: Record<string, string> = {
  file: 'read',
  search: 'searched',
  command: 'run',
  web: 'fetched',
  'agent-report': 'reported',
  compaction: 'summarized at compaction',
  mcp: 'called',
  tool: 'called',
};

/** `2 h ago`, `5 min ago`, `3 d ago`, `just now`. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** `310`, `4.1k`, `12k`. */
export function formatTokens(tokens: number): string {
  if (tokens < 1000) return String(Math.round(tokens));
  const thousands = tokens / 1000;
  return `${thousands < 10 ? thousands.toFixed(1).replace(/\.0$/, '') : Math.round(thousands)}k`;
}

/** Short session id as people see it in the block (first 4 characters). */
export function shortSession(sessionId: string): string {
  return sessionId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 4) || sessionId.slice(0, 4);
}

/** What the item is about, as a reader would name it: a path (with lines), a search, a command, a task. */
export function describeSubject(discovery: Discovery): string {
  switch (discovery.kind) {
    case 'file':
      return discovery.range ? `${discovery.key}:${discovery.range.start}-${discovery.range.end}` : discovery.key;
    case 'search': {
      const tool = typeof discovery.meta.tool === 'string' ? discovery.meta.tool : 'search';
      return `${tool} \`${discovery.key}\``;
    }
    case 'command':
      return `\`$ ${discovery.key}\``;
    case 'agent-report':
      return `handoff "${discovery.key}"`;
    case 'compaction':
      return 'compaction summary';
    default:
      return discovery.key;
  }
}

/**
 * Where an item came from and how old it is, e.g.
 * `read by session 1a2b, Explore agent, 2 h ago, 4.1k→310 tok, #12` (`#12` is for `ctxkit show 12`).
 */
export function describeProvenance(discovery: Discovery, now: number, shownTokens: number): string {
  const verb = VERB[discovery.kind] ?? 'found';
  const parts = [`${verb} by session ${shortSession(discovery.sessionId)}`];
  if (discovery.agentId || discovery.agentType) parts.push(`${discovery.agentType ?? 'sub'} agent`);
  parts.push(formatAge(now - discovery.createdAt));
  parts.push(`${formatTokens(discovery.rawTokens)}→${formatTokens(shownTokens)} tok`);
  parts.push(`#${discovery.id}`);
  return parts.join(', ');
}
