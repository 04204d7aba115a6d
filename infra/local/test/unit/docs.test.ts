import { readFileSync } from 'node:fs';
import { z } from 'zod';
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

  it('document every year as the integer in range the server takes, in path and query alike', () => {
    // Prepare
    const doc = JSON.parse(readFileSync(path.join(repoRoot, 'docs/openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; schema: unknown }> }>>;
    };

    // Act
    const years = Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.parameters.filter((p) => p.name === 'year')));

    // Assess
    expect(new Set(years.map((p) => p.in))).toEqual(new Set(['path', 'query']));
    for (const p of years) expect(p.schema).toEqual({ type: 'integer', minimum: 2000, maximum: 2100 });
  });

  it('take every route’s schemas from its manifest: path parameters declared there, none in the handlers', () => {
    // Prepare
    const routes = services.flatMap((s) => triggersOf(s, 'http').map(({ trigger }) => trigger));
    const handlerFiles = services.flatMap((s) => triggersOf(s, 'http').map(({ fn }) => path.join(repoRoot, 'services', s.name, fn.entry)));

    // Assess
    for (const trigger of routes) {
      const inPath = [...trigger.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      const declared = trigger.request?.path instanceof z.ZodObject ? Object.keys(trigger.request.path.shape).sort() : [];
      expect({ route: trigger.path, params: declared }).toEqual({ route: trigger.path, params: inPath });
    }
    for (const file of handlerFiles) {
      const source = readFileSync(file, 'utf8');
      expect({ file, importsZod: /from 'zod'/.test(source), importsSchemas: /schemas\.js'/.test(source) }).toEqual({ file, importsZod: false, importsSchemas: false });
    }
  });
});
