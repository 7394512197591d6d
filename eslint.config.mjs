// Lint: typescript-eslint's recommended rules, the Office add-in rules that catch Office.js
// batching mistakes, and the layers' dependency direction (docs/architecture.md) enforced by
// no-restricted-imports (engine ← workbook ← functions / taskpane / cli).
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const hostFree = {
  patterns: [
    {
      group: ["react", "react-dom", "react/*", "@fluentui/*"],
      message: "src/engine is host-free: no React or Fluent UI.",
    },
    { group: ["office-*", "@microsoft/office-*"], message: "src/engine is host-free: no Office.js." },
    { group: ["exceljs", "highs"], message: "src/engine talks to files through src/workbook; the solver is injected." },
    {
      group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "crypto", "url", "util"],
      message: "src/engine runs in Excel and the browser: no Node built-ins.",
    },
    {
      group: ["**/workbook/**", "**/functions/**", "**/taskpane/**", "**/cli/**"],
      message: "Dependencies point one way: the engine imports none of its fronts.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "out/",
      "coverage/",
      "test-artifacts/",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-eval": "error",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", hostFree],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "src/engine is host-free." },
        { name: "Office", message: "src/engine is host-free." },
        { name: "window", message: "src/engine is host-free." },
        { name: "document", message: "src/engine is host-free." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Pass `now` in." },
        { object: "Math", property: "random", message: "Pass a random source in." },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "**/taskpane/**", "**/functions/**", "**/cli/**"],
              message: "src/workbook sits below the fronts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/host/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Excel",
          message: "Office.js lives in src/workbook/office (the port's adapter) and src/taskpane/host.",
        },
      ],
    },
  },
);
