/**
 * The size rules of README "Layout": no file of `src/` over 300 lines, no function over 60, no
 * handler (an exported `handle…` function in `src/`) over 40. Run by `npm test`; prints each file
 * and function that breaks a rule, with its length, and exits 1.
 *
 *   npx tsx scripts/check-size.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const MAX_HANDLER_LINES = 40;

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The name a reader would search for: the declaration's, or the variable/property it is assigned to. */
function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node)
    ? (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    : false;
}

/** What breaks a rule in one file, a line each. */
function checkFile(path: string): string[] {
  const file = relative(root, path);
  const text = readFileSync(path, "utf8");
  const findings: string[] = [];
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_FILE_LINES) {
    findings.push(`${file}: ${lines} lines, over ${MAX_FILE_LINES}: split it by concept`);
  }
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const length = end - start + 1;
      const name = functionName(fn);
      const handler = ts.isFunctionDeclaration(fn) && isExported(fn) && /^handle[A-Z]/.test(name);
      const limit = handler ? MAX_HANDLER_LINES : MAX_FUNCTION_LINES;
      if (length > limit) {
        findings.push(
          `${file}:${start + 1} ${handler ? "handler" : "function"} ${name}: ${length} lines, over ${limit}`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const findings = sourceFiles(join(root, "src")).flatMap(checkFile);
for (const finding of findings) console.error(finding);
if (findings.length > 0) process.exit(1);
console.log(
  `sizes ok: no src/ file over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES}, no handler over ${MAX_HANDLER_LINES}`,
);
