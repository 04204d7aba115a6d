import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedDocs, openApiDocument } from '../../docs.js';
import { repoRoot } from '../../paths.js';
import { services } from '#services/index.js';
import { triggersOf } from '#shared/manifest.js';

describe('the generated API documents', () => {
  it('are up to date in docs/ (run `npm run docs` after a schema change)', () => {
    // Act
    const docs = generatedDocs();

    // Assess
    for (const [file, text] of Object.entries(docs)) expect(readFileSync(path.join(repoRoot, file), 'utf8')).toBe(text);
  });

  it('describe every http route of the manifests, with the body schema from zod', () => {
    // Act
    const doc = openApiDocument(services) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };

    // Assess
    const routes = services.flatMap((s) => triggersOf(s, 'http').map(({ trigger }) => `${trigger.method} ${trigger.path}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(routes.sort());
    expect(doc.paths['/api/units']!.post!.requestBody!.content['application/json']!.schema.required).toEqual(['name', 'category']);
  });
});
