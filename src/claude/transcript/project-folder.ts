import { join } from 'node:path';

/** Claude Code cuts longer folder names and appends a hash of the full path (2.1.197). */
const MAX_FOLDER_NAME = 200;

/**
 * The folder name Claude Code gives a project's transcripts: the working directory with every character
 * that is not an ASCII letter or digit replaced by `-` (`/home/dev/my_app.v2` → `-home-dev-my-app-v2`).
 * Names over 200 characters are cut to 200 and get `-` plus a base-36 hash of the whole path, the way
 * 2.1.197 does it; Claude Code itself also accepts any folder starting with the cut name, so callers
 * looking for a long path should match on {@link projectFolderPrefix} too.
 */
export function projectFolderName(cwd: string): string {
  const name = cwd.replace(/[^a-zA-Z0-9]/g, '-');
  if (name.length <= MAX_FOLDER_NAME) return name;
  return `${name.slice(0, MAX_FOLDER_NAME)}-${Math.abs(javaStringHash(cwd)).toString(36)}`;
}

/** For a path whose folder name is cut, the prefix every candidate folder starts with; else undefined. */
export function projectFolderPrefix(cwd: string): string | undefined {
  const name = cwd.replace(/[^a-zA-Z0-9]/g, '-');
  return name.length > MAX_FOLDER_NAME ? `${name.slice(0, MAX_FOLDER_NAME)}-` : undefined;
}

/**
 * Claude Code's `projects` folder: `$CLAUDE_CONFIG_DIR/projects` when that variable is set (and not
 * empty), else `~/.claude/projects`.
 */
export function claudeProjectsDir(env: Record<string, string | undefined>, homeDir: string): string {
  const configDir = env.CLAUDE_CONFIG_DIR;
  return join(configDir ? configDir.normalize('NFC') : join(homeDir, '.claude'), 'projects');
}

// The 32-bit string hash Claude Code uses for cut folder names (s*31 + c, wrapping).
function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}
