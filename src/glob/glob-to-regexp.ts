/**
 * Compiles a glob to a RegExp over forward-slash paths: `**` spans folders, `*` and `?` stay within
 * one segment, `{a,b}` alternates, `[...]` is a class. A pattern without a slash matches the base name
 * anywhere (as .gitignore does), so `*.pem` also matches `keys/server.pem`.
 */
export function globToRegExp(glob: string): RegExp {
  const anywhere = !glob.includes('/');
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) {
        source += '\\{';
      } else {
        source += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
        i = end;
      }
    } else if (char === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

// A hook tests a path against every exclude glob, in several forms: the list is compiled once, as one
// alternation (one regular expression to build and run instead of one per glob).
const compiled = new Map<string, RegExp>();

/** True when the forward-slash `path` matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const key = globs.join('\u0000');
  let pattern = compiled.get(key);
  if (!pattern) compiled.set(key, (pattern = new RegExp(globs.map((glob) => `(?:${globToRegExp(glob).source})`).join('|'))));
  return pattern.test(normalized);
}
