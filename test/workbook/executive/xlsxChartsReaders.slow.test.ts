/**
 * The chart parts of chartSample.ts's workbook, read by independent programs: openpyxl
 * (python3-openpyxl under /usr/bin/python3) and LibreOffice headless, which draws them (pages kept
 * under test-artifacts/executive/). Slow lane (`npm run test:slow`): each program takes seconds
 * to start.
 */
import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { countColourPixels, renderToPng } from "../../support/renderXlsx";
import { chartedWorkbook } from "./chartSample";

const ARTIFACTS = join(__dirname, "../../../test-artifacts/executive");

describe("native chart parts in an .xlsx, read by other programs", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "charts.xlsx"), await chartedWorkbook());
  });

  it("is read back by openpyxl with both charts and their series", () => {
    const script = [
      "import sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['ExecutiveSummary']",
      "for ch in ws._charts:",
      "    print(type(ch).__name__, len(ch.series), ch.series[0].val.numRef.f)",
    ].join("\n");
    const out = execFileSync("/usr/bin/python3", ["-c", script, join(ARTIFACTS, "charts.xlsx")], { encoding: "utf8" });
    expect(out.trim().split("\n")).toEqual([
      "BarChart 2 'ExecutiveSummary'!$B$2:$B$4",
      "LineChart 1 'ExecutiveSummary'!$B$2:$B$4",
    ]);
  });

  it("is drawn by LibreOffice: the series colours appear on the rendered pages", () => {
    const pages = renderToPng(join(ARTIFACTS, "charts.xlsx"), join(ARTIFACTS, "charts-render"));
    expect(pages.length).toBeGreaterThan(0);
    // Demand is drawn in Office blue 4472C4, Supply in orange ED7D31; plain cells have neither
    const [blue, orange] = countColourPixels(pages, ["4472C4", "ED7D31"]);
    expect(blue).toBeGreaterThan(500);
    expect(orange).toBeGreaterThan(500);
  });
});
