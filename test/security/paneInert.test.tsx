/** @jest-environment jsdom */
/**
 * Hostile names shown in the pane stay inert text: the demo workbook grid (what the pane shows
 * of every written sheet in a browser) renders markup, script and formula-looking names as their
 * literal text, creating no element, running no script. And no source file hands the DOM raw
 * HTML, so React's escaping is the only way text reaches the page.
 */
import "../taskpane/support/jsdomGaps";
import * as fs from "fs";
import * as path from "path";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DemoWorkbook } from "../../src/taskpane/demo/DemoWorkbook";
import { HOSTILE_NAMES } from "./hostileNames";

describe("hostile names in the pane", () => {
  it("are shown as their literal text in the workbook grid, with no element or script created", () => {
    const names = Object.values(HOSTILE_NAMES);
    (window as unknown as { pwned?: boolean }).pwned = false;
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <DemoWorkbook
          sheets={[
            {
              name: "<b>DemandPlan</b>",
              rows: [["Item", "Family", "Statistical"], ...names.map((name, r) => [name, name, r])],
            },
          ]}
        />
      </FluentProvider>,
    );
    expect(container.querySelectorAll("script, img, b, iframe, a[href]")).toHaveLength(0);
    const cells = [...container.querySelectorAll("td, th")].map((cell) => cell.textContent);
    for (const name of names) expect(cells.filter((text) => text === name)).toHaveLength(2);
    expect((window as unknown as { pwned?: boolean }).pwned).toBe(false);
  });

  it("never hands the DOM raw HTML anywhere in src/", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const text = fs.readFileSync(full, "utf8");
          for (const pattern of [
            /dangerouslySetInnerHTML/,
            /\.innerHTML\s*=/,
            /\.outerHTML\s*=/,
            /insertAdjacentHTML/,
            /document\.write/,
            /\beval\s*\(/,
            /new Function\s*\(/,
          ]) {
            if (pattern.test(text)) offenders.push(`${path.relative(process.cwd(), full)}: ${pattern}`);
          }
        }
      }
    };
    walk(path.resolve(__dirname, "..", "..", "src"));
    expect(offenders).toEqual([]);
  });
});
