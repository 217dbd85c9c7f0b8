/**
 * The layering rules of README "Layout", checked on every file of `src/`:
 *
 * - the core (the folders in CORE) imports nothing from the shell: no file of a handler folder,
 *   no package that talks to GitHub, Redis or the network;
 * - the core reads no clock and no environment (`Date.now()`, `new Date()`, `DateTime.now()`,
 *   `process.env`): the shell passes "now" and the settings in;
 * - no import cycle between files at run time (`import type` is erased, so it makes none).
 *
 * Run by `npm test`; prints each import that breaks a rule, with its file and line, and exits 1.
 *
 *   npx tsx scripts/check-imports.ts [ROOT]
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** The pure core: what a report is, its figures and the rules; nothing here does I/O. */
const CORE = [
  "analytics",
  "calendar",
  "catch-up",
  "config",
  "labels",
  "limits",
  "markdown",
  "report",
  "templates",
];

/** Packages of the shell: GitHub, Redis, HTTP, the webhook proxy, the logger. */
const SHELL_PACKAGES =
  /^(probot|@octokit\/.*|ioredis|smee-client|pino|@probot\/.*|node:(http|https|net|dns|child_process))$/;

/** The repository (or, for the script's own test, another tree with a `src/`). */
const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const src = join(root, "src");

interface Import {
  file: string;
  line: number;
  specifier: string;
  /** `import type …`: erased when compiled, so no cycle at run time. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The folder of `src/` a file is in (`report`), or the file itself for a file at the top. */
function folderOf(path: string): string {
  return relative(src, path).split("/")[0] ?? "";
}

function isCore(path: string): boolean {
  return CORE.includes(folderOf(path));
}

function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportDeclaration(node)) return node.importClause?.isTypeOnly === true;
  return ts.isExportDeclaration(node) && node.isTypeOnly;
}

function moduleSpecifier(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
    return node.arguments[0];
  return undefined;
}

/** `Date.now()`, `new Date()`, `DateTime.now()`, `DateTime.local()` or `process.env`, if the node is one. */
function clockOrEnvironment(node: ts.Node): string | undefined {
  if (ts.isNewExpression(node) && node.expression.getText() === "Date" && !node.arguments?.length)
    return "new Date()";
  if (ts.isCallExpression(node) && node.arguments.length === 0) {
    const callee = node.expression.getText();
    if (["Date.now", "DateTime.now", "DateTime.local"].includes(callee)) return `${callee}()`;
  }
  if (ts.isPropertyAccessExpression(node) && node.getText() === "process.env") return "process.env";
  return undefined;
}

function readFile(path: string): { imports: Import[]; problems: string[] } {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const file = relative(root, path);
  const imports: Import[] = [];
  const problems: string[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    const specifier = moduleSpecifier(node);
    if (specifier && ts.isStringLiteral(specifier))
      imports.push({
        file: path,
        line: lineOf(node),
        specifier: specifier.text,
        typeOnly: isTypeOnly(node),
      });
    const impure = isCore(path) ? clockOrEnvironment(node) : undefined;
    if (impure)
      problems.push(`${file}:${lineOf(node)}: the core reads ${impure}; take it as a parameter`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, problems };
}

/** The file an import names, for an import of a file of `src/`. */
function target(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return resolve(dirname(from), specifier).replace(/\.js$/, ".ts");
}

function layerProblem(entry: Import): string | undefined {
  if (!isCore(entry.file)) return undefined;
  const where = `${relative(root, entry.file)}:${entry.line}`;
  if (SHELL_PACKAGES.test(entry.specifier))
    return `${where}: the core imports ${entry.specifier}, a package of the shell`;
  const to = target(entry.file, entry.specifier);
  if (to && !isCore(to))
    return `${where}: the core imports ${relative(root, to)}, a file of the shell (src/${folderOf(to)})`;
  return undefined;
}

/** Each import cycle once, as the files in order. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const walk = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) walk(node);
  return found;
}

const files = sourceFiles(src);
const read = files.map((path) => ({ path, ...readFile(path) }));
const problems = read.flatMap(({ imports, problems }) => [
  ...problems,
  ...imports.flatMap((entry) => layerProblem(entry) ?? []),
]);
const graph = new Map(
  read.map(({ path, imports }) => [
    path,
    imports.flatMap((entry) => (entry.typeOnly ? [] : (target(entry.file, entry.specifier) ?? []))),
  ]),
);
for (const cycle of cycles(graph))
  problems.push(
    `import cycle: ${[...cycle, cycle[0]].map((f) => relative(root, f ?? "")).join(" → ")}`,
  );

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(
  `imports ok: ${files.length} files; the core (${CORE.map((f) => `src/${f}/`).join(", ")}) imports nothing of the shell and reads no clock or environment; no cycle`,
);
