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
      if (typeof specifier !== 'string') return;
      // Relative paths, and the package.json `imports` alias `#services/...`.
      const target = specifier.startsWith('.')
        ? path.resolve(path.dirname(file), specifier)
        : specifier.startsWith('#services/')
          ? path.join(root, 'services', specifier.slice('#services/'.length))
          : undefined;
      if (target === undefined) return;
      const to = serviceOf(target, root);
      if (to && to !== from) context.report({ node, messageId: 'crossService', data: { from, to, specifier } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-cross-service-import': noCrossServiceImport } };
