/**
 * The dependency direction (engine ← workbook ← functions / taskpane / cli; docs/architecture.md)
 * is enforced by lint, not by hope: these check that eslint really rejects an engine file that
 * reaches out of the engine. eslint runs as a child process (its flat config is an ES module,
 * which jest's CommonJS runtime cannot load). Slow lane: each eslint run builds the type-aware
 * program; `npm run lint` applies the same rules to every file.
 */
import * as path from "path";
import { spawnSync } from "child_process";

const root = path.resolve(__dirname, "..", "..");
const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

/** Lints `code` as if it were `file`; returns "line: ruleId: message" strings. */
function lint(file: string, code: string): string[] {
  const run = spawnSync(process.execPath, [eslintBin, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  const [result] = JSON.parse(run.stdout) as { messages: { line: number; ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`);
}

const probes: [string, RegExp][] = [
  ['import { useState } from "react";', /no-restricted-imports.*React/],
  ['import { Button } from "@fluentui/react-components";', /no-restricted-imports.*Fluent/],
  ['import * as fs from "fs";', /no-restricted-imports.*Node built-ins/],
  ['import { readFile } from "node:fs/promises";', /no-restricted-imports.*Node built-ins/],
  ['import ExcelJS from "exceljs";', /no-restricted-imports/],
  ['import { x } from "../../workbook/port";', /no-restricted-imports.*one way/],
  ["export const t = Date.now();", /no-restricted-properties.*now/],
  ["export const r = Math.random();", /no-restricted-properties.*random/],
  ["export const w = Excel.run;", /no-restricted-globals/],
];

describe("lint keeps src/engine host-free", () => {
  const code = probes.map(([line]) => line).join("\n") + "\nexport { useState, Button, fs, readFile, ExcelJS, x };\n";
  const engineMessages = lint("src/engine/capacity/probe.ts", code);

  it.each(probes.map(([line, expected], i) => [line, i + 1, expected] as const))(
    "rejects %s",
    (_line, lineNumber, expected) => {
      const onLine = engineMessages.filter((m) => m.startsWith(`${lineNumber}: `));
      expect(onLine.join("\n")).toMatch(expected);
    },
  );

  it("accepts the same imports outside the engine", () => {
    const messages = lint("src/taskpane/probe.tsx", 'import { useState } from "react";\nexport const s = useState;\n');
    expect(messages.filter((m) => m.includes("no-restricted"))).toEqual([]);
  });
});
