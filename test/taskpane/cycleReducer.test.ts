import { cycleReducer, initialCycleState, nextStep } from "../../src/taskpane/state/cycleReducer";
import { downstreamOf } from "../../src/taskpane/state/steps";
import type { GatherView } from "../../src/taskpane/cycle/views";

const cleanGather: GatherView = { tables: [{ name: "Sales", rows: 3 }], missingTables: [], problems: [] };

describe("cycle reducer", () => {
  it("starts on Gather data with every step not started", () => {
    const state = initialCycleState();
    expect(state.current).toBe("gather");
    expect(Object.values(state.steps).map((s) => s.status)).toEqual([
      "notStarted",
      "notStarted",
      "notStarted",
      "notStarted",
      "notStarted",
      "notStarted",
    ]);
  });

  it("shows progress while a step runs, then its result and message", () => {
    let state = cycleReducer(initialCycleState(), { type: "started", step: "gather", progress: "Reading…" });
    expect(state.steps.gather).toEqual({ status: "running", progress: "Reading…", message: undefined });
    state = cycleReducer(state, {
      type: "finished",
      step: "gather",
      result: cleanGather,
      attention: false,
      message: "ok",
    });
    expect(state.steps.gather).toEqual({ status: "done", result: cleanGather, message: "ok" });
  });

  it("marks a step that needs the planner as needing attention", () => {
    const state = cycleReducer(initialCycleState(), {
      type: "finished",
      step: "gather",
      result: cleanGather,
      attention: true,
      message: "2 problems",
    });
    expect(state.steps.gather.status).toBe("attention");
  });

  it("drops the old result when a step fails, and says why", () => {
    let state = cycleReducer(initialCycleState(), {
      type: "finished",
      step: "gather",
      result: cleanGather,
      attention: false,
      message: "ok",
    });
    state = cycleReducer(state, { type: "failed", step: "gather", message: "The workbook is locked." });
    expect(state.steps.gather).toEqual({ status: "attention", message: "The workbook is locked." });
  });

  it("makes later steps stale when an earlier step is re-run", () => {
    let state = initialCycleState();
    const demand = { series: [], accuracy: [], written: ["DemandPlan"] };
    state = cycleReducer(state, { type: "finished", step: "demand", result: demand, attention: false, message: "ok" });
    state = cycleReducer(state, {
      type: "finished",
      step: "measure",
      result: { accuracy: [], holdout: 6 },
      attention: false,
      message: "ok",
    });
    state = cycleReducer(state, {
      type: "finished",
      step: "gather",
      result: cleanGather,
      attention: false,
      message: "ok",
    });
    expect(state.steps.demand.status).toBe("notStarted");
    expect(state.steps.measure.status).toBe("notStarted");
  });

  it("drops the views of steps whose sheets another action rewrote (the whole cycle run from step 5)", () => {
    let state = initialCycleState();
    const demand = { series: [], accuracy: [], written: ["DemandPlan"] };
    state = cycleReducer(state, { type: "finished", step: "demand", result: demand, attention: false, message: "ok" });
    state = cycleReducer(state, { type: "outdated", steps: ["demand", "supply"] });
    expect(state.steps.demand).toEqual({ status: "notStarted" });
    // A step never run stays as it was.
    expect(state.steps.supply).toEqual({ status: "notStarted" });
  });

  it("knows which steps use which: reconcile feeds the executive summary; measure only needs the data", () => {
    expect(downstreamOf("gather")).toEqual(["demand", "supply", "reconcile", "executive", "measure"]);
    expect(downstreamOf("supply")).toEqual(["reconcile", "executive"]);
    expect(downstreamOf("measure")).toEqual([]);
    expect(nextStep("gather")).toBe("demand");
    expect(nextStep("measure")).toBeUndefined();
  });
});
