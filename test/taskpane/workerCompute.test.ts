import { PlanningError } from "../../src/engine/errors";
import type { WorkerReply, WorkerRequest } from "../../src/taskpane/compute/protocol";
import { CancelledError, WorkerCompute, type WorkerLike } from "../../src/taskpane/compute/workerCompute";
import type { DemandPlan, PlanningData } from "../../src/engine/cycle";

/** A worker the test answers by hand: it records requests and whether it was terminated. */
class FakeWorker implements WorkerLike {
  requests: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: WorkerRequest): void {
    this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: WorkerReply): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerReply>);
  }
}

const data = { items: [] } as unknown as PlanningData;
const plan = { items: [], families: [], mix: [] } as unknown as DemandPlan;

function setup() {
  const workers: FakeWorker[] = [];
  const compute = new WorkerCompute(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { compute, workers };
}

describe("the pane's worker compute", () => {
  it("passes progress to the caller and to every listener, then resolves with the worker's result", async () => {
    const { compute, workers } = setup();
    const heard: [number, number][] = [];
    const told: [number, number][] = [];
    compute.onProgress((done, total) => heard.push([done, total]));
    const result = compute.planDemand(data, (done, total) => told.push([done, total]));
    const [{ id }] = workers[0].requests;
    workers[0].reply({ id, kind: "progress", done: 50, total: 5000 });
    workers[0].reply({ id, kind: "progress", done: 5000, total: 5000 });
    workers[0].reply({ id, kind: "result", value: plan });
    await expect(result).resolves.toBe(plan);
    expect(heard).toEqual([
      [50, 5000],
      [5000, 5000],
    ]);
    expect(told).toEqual(heard);
  });

  it("turns a PlanningError from the worker back into a PlanningError (the session's messages depend on it)", async () => {
    const { compute, workers } = setup();
    const result = compute.planDemand(data);
    const [{ id }] = workers[0].requests;
    workers[0].reply({
      id,
      kind: "error",
      error: {
        name: "PlanningError",
        message: 'Item "A": too little history',
        kind: "notAvailable",
        argument: "demand",
      },
    });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanningError);
    expect(error).toMatchObject({ kind: "notAvailable", argument: "demand", message: 'Item "A": too little history' });
  });

  it("cancels: terminates the worker, rejects with CancelledError, and starts a fresh worker next time", async () => {
    const { compute, workers } = setup();
    const running = compute.planDemand(data);
    compute.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await expect(running).rejects.toThrow("Cancelled: nothing was written.");
    expect(workers[0].terminated).toBe(true);
    const again = compute.planDemand(data);
    expect(workers).toHaveLength(2);
    const [{ id }] = workers[1].requests;
    workers[1].reply({ id, kind: "result", value: plan });
    await expect(again).resolves.toBe(plan);
  });

  it("rejects what is pending when the worker dies (a script error), naming the error", async () => {
    const { compute, workers } = setup();
    const running = compute.planDemand(data);
    workers[0].onerror?.({ message: "out of memory", preventDefault: () => undefined } as ErrorEvent);
    await expect(running).rejects.toThrow("The planning worker stopped: out of memory");
  });
});
