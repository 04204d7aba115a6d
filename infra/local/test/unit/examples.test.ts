/**
 * Every TSDoc `@example` in the project is code that compiles: each fenced `ts` block that follows
 * an `@example` tag is type-checked as a module of its own, with the project's compiler options, at
 * the place of the file it documents (so that its imports resolve as that file's would).
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../paths.js';

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** The `@example` blocks of one source text, with the line each starts on. */
export const examplesIn = (file: string, text: string): Example[] => {
  const found: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    let start = i + 1;
    while (start < lines.length && !/^\s*\*\s*```(ts|typescript)\s*$/.test(lines[start]!)) {
      if (/^\s*\*\/|^\s*\*\s*@/.test(lines[start]!)) break;
      start++;
    }
    if (start >= lines.length || !/```(ts|typescript)/.test(lines[start]!)) continue;
    let end = start + 1;
    while (end < lines.length && !/^\s*\*\s*```\s*$/.test(lines[end]!)) end++;
    const code = lines
      .slice(start + 1, end)
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    found.push({ file, line: start + 2, code });
  }
  return found;
};

const projectFiles = (): string[] =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.includes('node_modules'))
    .map((f) => path.join(repoRoot, f));

describe('TSDoc examples', () => {
  it('finds the example blocks of a comment', () => {
    // Prepare
    const text = ['/**', ' * Says hello.', ' *', ' * @example', ' * ```ts', " * const a = 'x';", ' * ```', ' */'].join('\n');

    // Act
    const examples = examplesIn('x.ts', text);

    // Assess
    expect(examples).toEqual([{ file: 'x.ts', line: 6, code: "const a = 'x';" }]);
  });

  it('all compile', () => {
    // Prepare
    const examples = projectFiles().flatMap((file) => examplesIn(file, readFileSync(file, 'utf8')));
    const virtual = new Map(examples.map((e, i) => [path.join(path.dirname(e.file), `__example_${i}__.ts`), e] as const));
    const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.fileExists = (f) => virtual.has(f) || ts.sys.fileExists(f);
    host.readFile = (f) => (virtual.has(f) ? `${virtual.get(f)!.code}\nexport {};\n` : ts.sys.readFile(f));
    host.getSourceFile = (f, language, ...rest) => {
      const example = virtual.get(f);
      return example ? ts.createSourceFile(f, `${example.code}\nexport {};\n`, language) : getSourceFile(f, language, ...rest);
    };

    // Act
    const program = ts.createProgram({ rootNames: [...virtual.keys()], options: { ...config.options, noEmit: true, noUnusedLocals: false }, host });
    const errors = [...virtual.keys()].flatMap((f) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => {
        const example = virtual.get(f)!;
        return `${path.relative(repoRoot, example.file)}:${example.line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );

    // Assess
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });
});
