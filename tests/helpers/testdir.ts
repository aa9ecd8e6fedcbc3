import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder filled from `{relativePath: content}`; `cleanup()` removes it. */
export interface TestDir {
  path: string;
  join: (...parts: string[]) => string;
  write: (relativePath: string, content: string | Buffer) => string;
  cleanup: () => void;
}

export function testdir(files: Record<string, string | Buffer> = {}): TestDir {
  const path = mkdtempSync(join(tmpdir(), 'ctxkit-test-'));
  const write = (relativePath: string, content: string | Buffer) => {
    const full = join(path, relativePath);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  };
  for (const [relativePath, content] of Object.entries(files)) write(relativePath, content);
  return {
    path,
    join: (...parts) => join(path, ...parts),
    write,
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}
