import type { Script } from '../messages-api/server.js';
import type { MessagesBody } from '../messages-api/inspect-request.js';

export declare const LEGACY_MARKER: string;
export declare const FRESH_MARKER: string;
export declare const EDIT_OLD: string;
export declare const EDIT_NEW: string;
export declare const TASK_ONE: string;
export declare const TASK_TWO: string;
export declare const HANDOFF_ONE: string;
export declare const HANDOFF_TWO: string;
export declare const REDISCOVERY_IDS: string[];
export declare const CHANGED_READ_ID: string;
export declare const EDIT_ID: string;
export declare const PROMPT_ONE: string;
export declare const PROMPT_TWO: string;
export declare const ALLOWED_TOOLS: string[];
export interface RequestLike {
  role: string | null;
  body: MessagesBody;
}
export declare function sessionPairFiles(): Record<string, string>;
export declare function editBetweenSessions(text: string): string;
export declare function sessionOneScript(repo: string): Script;
export declare function sessionTwoScript(repo: string): Script;
export declare function injectedBlocks(requests: RequestLike[]): string[];
export declare function toolResults(requests: RequestLike[]): Map<string, { text: string; isError: boolean; role: string | null }>;
export declare function measureSessionTwo(
  requests: RequestLike[],
  estimate: (text: string) => number,
): { rediscovery: number; injected: number; net: number; sent: number; requests: number };
