import { measureView } from "../../src/taskpane/cycle/executiveViews";
import { describeMeasure } from "../../src/taskpane/state/outcomes";
import type { MeasureReport } from "../../src/workbook/executive/measureReport";

const row = (level: "total" | "family" | "item", name: string, wmape: number, trackingSignal: number) => ({
  level,
  name,
  periods: ["2025-11", "2025-12"],
  actual: 100,
  consensus: 110,
  statistical: 105,
  wmapeConsensus: wmape,
  wmapeStatistical: 0.08,
  biasConsensus: 0.1,
  biasStatistical: 0.05,
  trackingSignal,
  overrideValueAdded: -0.02,
  statisticalValueAdded: 0.04,
  consensusValueAdded: 0.02,
});

describe("the pane's Measure view", () => {
  const report: MeasureReport = {
    source: { kind: "earlier cycle", planStart: "2025-11" },
    valueAdded: [],
    accuracy: [row("total", "Total", 0.1, 2), row("family", "Chairs", 0.12, 4.5), row("item", "CH-100", 0.3, 1)],
    adherence: null,
    delivery: { lines: [], measured: 4, onTimeRate: 0.75, inFullRate: 1, otifRate: 0.75 },
    notes: ["No Production table: plan adherence is not measured."],
  };

  it("shows totals and families (not items), with tracking signal and value added", () => {
    const view = measureView(report, ["Measure"]);
    expect(view.accuracy.map((a) => a.name)).toEqual(["Total", "Chairs"]);
    expect(view.accuracy[1]).toMatchObject({
      wmape: 0.12,
      trackingSignal: 4.5,
      overrideValueAdded: -0.02,
      modelValueAdded: 0.04,
      holdout: 2,
    });
    expect(view.delivery).toEqual({ lines: 4, onTime: 0.75, inFull: 1, otif: 0.75 });
    expect(view.source).toBe("the earlier cycle's forecast (plan start 2025-11)");
  });

  it("says what was measured, WMAPE, bias and OTIF in one sentence", () => {
    expect(describeMeasure(measureView(report, ["Measure"])).message).toBe(
      "Measured the earlier cycle's forecast (plan start 2025-11): WMAPE 10.0 %, bias 10.0 %. OTIF 75.0 %. Wrote Measure.",
    );
  });
});
