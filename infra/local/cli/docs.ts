/** `npm run docs` writes the OpenAPI and AsyncAPI documents generated from the schemas to docs/. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedDocs } from '../docs.js';
import { repoRoot } from '../paths.js';

for (const [file, text] of Object.entries(generatedDocs())) {
  writeFileSync(path.join(repoRoot, file), text);
  process.stdout.write(`wrote ${file}\n`);
}
