#!/usr/bin/env node
/**
 * Start the stand-in on 127.0.0.1.
 * @param {{script: Script, port?: number, recordFile?: string}} options  `port` 0 or absent = a free port;
 *   `recordFile` = also append each recorded request to this file as one JSON line
 * @returns {Promise<MessagesApi>}
 */
export function startMessagesApi({ script, port, recordFile }: {
    script: Script;
    port?: number;
    recordFile?: string;
}): Promise<MessagesApi>;
export type Script = import("./script.js").Script;
export type MessagesBody = import("./inspect-request.js").MessagesBody;
export type RecordedRequest = {
    /**
     * 1-based, in arrival order
     */
    sequence: number;
    method: string;
    /**
     * without the query string
     */
    path: string;
    /**
     * the query string without `?` ('' when none)
     */
    query: string;
    /**
     * credentials (x-api-key, authorization) replaced by "[redacted]"
     */
    headers: Record<string, string | string[] | undefined>;
    /**
     * the parsed JSON body, or the raw text when it is not JSON, or null when empty
     */
    body: any;
    /**
     * for POST /v1/messages: who sent it (see requestRole)
     */
    role: "main" | "subagent" | "side" | null;
    /**
     * for a subagent's request: its id (the `agent_id` its hooks get)
     */
    agentId: string | null;
    /**
     * name of the rule that answered, null for the default reply or other paths
     */
    matched: string | null;
    /**
     * HTTP status sent back
     */
    status: number;
    /**
     * the request was meant for another host and came through the stand-in as a proxy
     * (CONNECT or an absolute URL): the harness points HTTP(S)_PROXY here so that any outside call shows up
     */
    outside: boolean;
};
export type MessagesApi = {
    /**
     * base URL for ANTHROPIC_BASE_URL, e.g. http://127.0.0.1:43123
     */
    url: string;
    port: number;
    /**
     * every request so far, in order (live array)
     */
    requests: RecordedRequest[];
    /**
     * only the POST /v1/messages requests
     */
    messageRequests: () => RecordedRequest[];
    /**
     * requests meant for another host (refused with 502)
     */
    outsideRequests: () => RecordedRequest[];
    close: () => Promise<void>;
};
