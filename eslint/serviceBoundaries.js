/**
 * ESLint rule `boundaries/no-cross-service-import`: a file of one service may not import a file of
 * another service. Services share only `events/` and `shared/`; everything else travels on Kafka.
 */
import path from 'node:path';

const serviceOf = (file, root) => {
  const relative = path.relative(root, file).split(path.sep);
  return relative[0] === 'services' && relative.length > 2 ? relative[1] : undefined;
};

export const noCrossServiceImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid a service to import another service' },
    messages: {
      crossService:
        "Service '{{from}}' imports '{{specifier}}' from service '{{to}}'. Services share only events/ and shared/; talk through a topic instead.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = serviceOf(file, root);
    if (!from) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = serviceOf(path.resolve(path.dirname(file), specifier), root);
      if (to && to !== from) context.report({ node, messageId: 'crossService', data: { from, to, specifier } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-cross-service-import': noCrossServiceImport } };
