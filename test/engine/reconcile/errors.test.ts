import { planFamily } from "../../../src/engine/reconcile";
import { createHighsSolver } from "../../../src/solver/highs";

const highs = createHighsSolver();

type PlanningErrorLike = { kind: string; argument?: string; message: string };

async function failure(promise: Promise<unknown>): Promise<PlanningErrorLike> {
  try {
    await promise;
  } catch (e) {
    return e as PlanningErrorLike;
  }
  throw new Error("expected the plan to fail");
}

describe("reconcile input errors", () => {
  it("rejects an unknown cost name and lists the known ones", async () => {
    const e = await failure(planFamily({ demand: [1], capacity: [1], costs: { holdCost: 1 } as never }, "chase"));
    expect(e.kind).toBe("invalidInput");
    expect(e.message).toContain('unknown name "holdCost"');
    expect(e.message).toContain("holdingCost");
  });

  it("needs capacity or a workforce", async () => {
    const e = await failure(planFamily({ demand: [1, 2] }, "level"));
    expect(e.argument).toBe("capacity");
    expect(e.message).toContain("unitsPerWorker");
  });

  it("needs both workforce and unitsPerWorker", async () => {
    expect((await failure(planFamily({ demand: [1], costs: { workforce: 3 } }, "chase"))).argument).toBe(
      "unitsPerWorker",
    );
    expect((await failure(planFamily({ demand: [1], costs: { unitsPerWorker: 3 } }, "chase"))).argument).toBe(
      "workforce",
    );
  });

  it("names the period of a negative demand and a capacity of the wrong length", async () => {
    expect((await failure(planFamily({ demand: [1, -2], capacity: [1, 1] }, "chase"))).message).toContain("period 2");
    expect((await failure(planFamily({ demand: [1, 2], capacity: [1] }, "chase"))).message).toContain(
      "1 periods but demand has 2",
    );
  });

  it("rejects negative costs and an unknown strategy; optimal needs a solver", async () => {
    expect(
      (await failure(planFamily({ demand: [1], capacity: [1], costs: { holdingCost: -1 } }, "chase"))).argument,
    ).toBe("holdingCost");
    expect((await failure(planFamily({ demand: [1], capacity: [1] }, "cheapest" as never))).argument).toBe("strategy");
    expect((await failure(planFamily({ demand: [1], capacity: [1] }, "optimal"))).message).toContain("solver");
  });

  it("rejects overtimePerWorker without a workforce", async () => {
    expect(
      (await failure(planFamily({ demand: [1], capacity: [1], costs: { overtimePerWorker: 2 } }, "chase"))).argument,
    ).toBe("overtimePerWorker");
  });
});

describe("infeasible plans say where and by how much", () => {
  it("names the period and the units missing when backlog is not allowed", async () => {
    // hand calculation: capacity 100 a period, demand 100, 100, 500 → by period 3 the plan can
    // make 300 but needs 700: 400 short, backlog not allowed
    const e = await failure(planFamily({ demand: [100, 100, 500], capacity: [100, 100, 100] }, "optimal", highs));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toContain("short 400 units by period 3");
    expect(e.message).toContain("backlogCost");
  });

  it("puts an early shortage in its own period", async () => {
    // hand calculation: demand 250 in period 1 with 100 a period: 150 short by period 1 (the
    // later periods have room, but too late without backlog)
    const e = await failure(planFamily({ demand: [250, 0, 0], capacity: [100, 100, 100] }, "optimal", highs));
    expect(e.message).toContain("short 150 units by period 1");
  });

  it("with backlog allowed, blames the ending: the ending inventory cannot be built", async () => {
    // hand calculation: 2 × 100 capacity, demand 150 + ending inventory 80 = 230 → 30 short at the end
    const e = await failure(
      planFamily(
        { demand: [50, 100], capacity: [100, 100], costs: { backlogCost: 1, endingInventory: 80 } },
        "optimal",
        highs,
      ),
    );
    expect(e.message).toContain("short 30 units by period 2");
    expect(e.message).toContain("endingBacklog");
  });

  it("chase shows the shortage as backlog instead of failing", async () => {
    const plan = await planFamily({ demand: [100, 100, 500], capacity: [100, 100, 100] }, "chase");
    expect(plan.backlog).toEqual([0, 0, 400]);
    // fill rate: 100 + 100 + 100 of 700 on time = 3/7
    expect(plan.fillRate).toBeCloseTo(3 / 7, 12);
  });
});
