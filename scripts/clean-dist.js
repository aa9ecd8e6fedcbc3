// Removes dist/ before a build so deleted sources leave no stale modules behind.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
