import {
  describeDemand,
  describeGather,
  describeMeasure,
  describeReconcile,
  describeSupply,
} from "../../src/taskpane/state/outcomes";

describe("step outcomes", () => {
  it("needs attention for missing tables and errors, not for warnings alone", () => {
    expect(describeGather({ tables: [], missingTables: ["Sales"], problems: [] })).toEqual({
      attention: true,
      message: "Missing 1 table: Sales.",
    });
    const warning = { severity: "warning" as const, table: "Items", message: "No unit cost." };
    const error = { severity: "error" as const, table: "Sales", message: "Negative quantity." };
    expect(describeGather({ tables: [{ name: "Sales", rows: 2 }], missingTables: [], problems: [warning] })).toEqual({
      attention: false,
      message: "Found 1 table; 1 warning to review.",
    });
    expect(
      describeGather({ tables: [{ name: "Sales", rows: 2 }], missingTables: [], problems: [error, error, warning] }),
    ).toEqual({ attention: true, message: "Found 2 problems to fix and 1 warning." });
  });

  it("reports accuracy as percentages of the fractions the engine returns", () => {
    // 0.1234 → 12.3 %, −0.05 → −5.0 %
    const accuracy = [{ name: "All items", wmape: 0.1234, bias: -0.05, holdout: 6 }];
    expect(describeDemand({ series: [], accuracy, written: ["DemandPlan"] }).message).toBe(
      "Forecast 0 items; wrote DemandPlan. Held-out WMAPE 12.3 %, bias -5.0 %.",
    );
    expect(describeMeasure({ accuracy, holdout: 6 })).toEqual({
      attention: false,
      message: "Held out the last 6 periods: WMAPE 12.3 %, bias -5.0 %.",
    });
    expect(describeMeasure({ accuracy: [], holdout: 0 }).attention).toBe(true);
  });

  it("asks for a pick until a plan is written, and counts overloads per resource", () => {
    expect(describeReconcile({ strategies: [] }).attention).toBe(true);
    const overload = (resource: string, period: string) => ({ resource, period, loadHours: 110, capacityHours: 100 });
    const supply = {
      resources: ["Paint", "Saw"],
      periods: ["2026-09", "2026-10"],
      loadHours: [],
      capacityHours: [],
      pastDueHours: [0, 0],
      written: ["CapacityLoad"],
    };
    expect(
      describeSupply({
        ...supply,
        overloads: [overload("Paint", "2026-09"), overload("Paint", "2026-10"), overload("Saw", "2026-09")],
      }).message,
    ).toBe("3 overloads on 2 resources; wrote CapacityLoad.");
    expect(describeSupply({ ...supply, overloads: [] })).toEqual({
      attention: false,
      message: "No resource is overloaded; wrote CapacityLoad.",
    });
  });
});
