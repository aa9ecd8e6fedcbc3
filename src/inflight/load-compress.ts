/**
 * Loads src/compress's async entry (with the tree-sitter code skeleton) for the opt-in Read
 * skeleton. The specifier is computed so the hook bundle never pulls tree-sitter in: only a
 * session that turned `inflight.tools.Read` on pays for it, at the moment it is needed.
 */
export async function loadCompress(): Promise<typeof import('../compress/index.js')> {
  const here = import.meta.url;
  const target = /\/dist\//.test(here) ? here.replace(/\/dist\/.*$/, '/dist/compress/index.js') : new URL('../compress/index.ts', here).href;
  return (await import(/* @vite-ignore */ target)) as typeof import('../compress/index.js');
}
