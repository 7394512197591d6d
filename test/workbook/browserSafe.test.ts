/**
 * The in-memory workbook, the demo generator and the session run in the browser demo and the
 * task pane: nothing they import (transitively) may be a Node built-in, ExcelJS or HiGHS.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");
const FORBIDDEN = /^(node:|fs$|path$|os$|child_process$|worker_threads$|crypto$|url$|util$|exceljs$|highs$)/;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm),
    ...text.matchAll(/import\("([^"]+)"\)/g),
  ].map((m) => m[1]);
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

function closure(entry: string): { files: Set<string>; external: Map<string, string> } {
  const files = new Set<string>();
  const external = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of importsOf(file)) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local);
      else external.set(specifier, path.relative(SRC, file));
    }
  };
  visit(entry);
  return { files, external };
}

describe("browser-safe workbook code", () => {
  it.each(["workbook/memory/memoryWorkbook.ts", "workbook/sample/demoWorkbook.ts", "workbook/session.ts"])(
    "%s imports no Node built-in, ExcelJS or HiGHS",
    (entry) => {
      const { files, external } = closure(path.join(SRC, entry));
      expect(files.size).toBeGreaterThan(3);
      const forbidden = [...external]
        .filter(([specifier]) => FORBIDDEN.test(specifier))
        .map(([specifier, file]) => `${specifier} (in ${file})`);
      expect(forbidden).toEqual([]);
    },
  );

  it("the scan sees the CLI's Node imports (so it can fail)", () => {
    const { external } = closure(path.join(SRC, "cli/main.ts"));
    expect([...external.keys()].filter((s) => FORBIDDEN.test(s)).sort()).toEqual(
      expect.arrayContaining(["node:fs", "node:path"]),
    );
  });
});
