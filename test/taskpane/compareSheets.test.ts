import { compareSheets } from "../e2e/sheets";

// The browser test's comparison of pane and CLI sheets must be able to fail.
describe("comparing the pane's sheets with the CLI's", () => {
  const cli = [
    ["Item", "Period", "Consensus", "Override"],
    ["CH-100", "2026-01", 412.5, null],
  ];

  it("accepts the same values, blank trailing cells and float noise below 1e-9", () => {
    expect(() =>
      compareSheets(
        "DemandPlan",
        [
          ["Item", "Period", "Consensus", "Override"],
          ["CH-100", "2026-01", 412.5 + 1e-12],
        ],
        cli,
      ),
    ).not.toThrow();
  });

  it("names the cell that differs", () => {
    expect(() =>
      compareSheets(
        "DemandPlan",
        [
          ["Item", "Period", "Consensus"],
          ["CH-100", "2026-01", 412.6],
        ],
        cli,
      ),
    ).toThrow("DemandPlan row 2 column 3: pane 412.6, CLI 412.5");
  });

  it("fails on a missing row or a missing sheet", () => {
    expect(() => compareSheets("DemandPlan", [["Item", "Period", "Consensus", "Override"]], cli)).toThrow(
      "1 rows in the pane, 2 from the CLI",
    );
    expect(() => compareSheets("BacklogPlan", [], undefined)).toThrow("The CLI wrote no BacklogPlan sheet.");
  });
});
