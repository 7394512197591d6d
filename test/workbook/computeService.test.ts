/**
 * The session computes through the ComputeService it is given (the pane's worker, or the engine
 * in this thread by default), and the results are the same either way.
 */
import { localCompute, type ComputeService } from "../../src/workbook/compute";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";

const now = () => new Date(Date.UTC(2026, 0, 15));

describe("the session's compute service", () => {
  it("forecasts and reconciles through the injected service, with the same plan as the default", async () => {
    const calls: string[] = [];
    const progress: number[] = [];
    const local = localCompute();
    const counting: ComputeService = {
      planDemand: (data) => {
        calls.push("planDemand");
        return local.planDemand(data, (done) => progress.push(done));
      },
      reconcilePlans: (data, demand, strategy) => {
        calls.push(`reconcilePlans:${strategy}`);
        return local.reconcilePlans(data, demand, strategy);
      },
    };
    const injected = await new PlanningSession(demoWorkbook(), { now, compute: counting }).reconcile("level");
    const plain = await new PlanningSession(demoWorkbook(), { now }).reconcile("level");
    expect(calls).toEqual(["planDemand", "reconcilePlans:level"]);
    // One progress call per item before it is forecast: 0, 1, …, items - 1.
    expect(progress).toEqual(injected.data!.items.map((_, i) => i));
    expect(injected.ok).toBe(true);
    expect(injected.reconcile!.outcomes.map((o) => o.kpis?.totalCost)).toEqual(
      plain.reconcile!.outcomes.map((o) => o.kpis?.totalCost),
    );
  });
});
