// Writes schema/ctxkit.config.schema.json and docs/config.md from the built src/config/schema.ts.
// Run after `npm run build`; tests/config-schema.test.ts fails when the committed files differ.
import { writeFileSync } from 'node:fs';
import { configSchema } from '../dist/config/schema.js';
import { renderConfigDocs } from '../dist/config/render-config-docs.js';

writeFileSync(new URL('../schema/ctxkit.config.schema.json', import.meta.url), `${JSON.stringify(configSchema, null, 2)}\n`);
writeFileSync(new URL('../docs/config.md', import.meta.url), renderConfigDocs(configSchema));
console.log('wrote schema/ctxkit.config.schema.json and docs/config.md');
