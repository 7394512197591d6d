/**
 * The pane's cycle when the demo workbook lives in the demo worker (demo.worker.ts): every step
 * is a message, its view the reply; the sheets that changed come along so the demo grid can show
 * them. Progress and Cancel reach the planning worker through the demo worker.
 */
import type { SheetSnapshot } from "../demo/SheetGrid";
import type { DemoMethod, DemoReply, DemoRequest, SheetUpdate } from "../compute/demoProtocol";
import type { BackgroundWork, WorkerLike } from "../compute/workerCompute";
import type { ProgressListener } from "../../workbook/compute";
import type { PaneCycle } from "./paneCycle";
import type {
  CellAddress,
  DemandView,
  ExecutiveView,
  ForecastSeriesView,
  GatherView,
  MeasureView,
  ReconcileView,
  Strategy,
  SupplyView,
} from "./views";

/** The part of `Worker` used here. */
export interface DemoWorkerLike {
  postMessage(message: DemoRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<DemoReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class RemoteCycle implements PaneCycle, BackgroundWork {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private readonly listeners = new Set<ProgressListener>();
  private snapshot: SheetSnapshot[] = [];
  readonly work: BackgroundWork = this;
  /** resolves when the demo workbook is open in the worker */
  readonly ready: Promise<void>;

  constructor(
    private readonly worker: DemoWorkerLike,
    search: string,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(`The demo worker stopped: ${event.message || "unknown error"}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.ready = this.request({ kind: "open", search }).then(() => undefined);
  }

  /** the demo workbook's sheets as last received (the grid's rows) */
  sheets = (): SheetSnapshot[] => this.snapshot;

  gather = () => this.call<GatherView>("gather");
  insertTemplate = () => this.call<void>("insertTemplate");
  demandPlan = () => this.call<DemandView>("demandPlan");
  demandSeries = (item: string) => this.call<ForecastSeriesView | null>("demandSeries", item);
  supplyPlan = () => this.call<SupplyView>("supplyPlan");
  compareStrategies = () => this.call<ReconcileView>("compareStrategies");
  choosePlan = (strategy: Strategy) => this.call<ReconcileView>("choosePlan", strategy);
  executiveSummary = () => this.call<ExecutiveView>("executiveSummary");
  promoteScenario = (name: string) => this.call<ExecutiveView>("promoteScenario", name);
  saveScenario = (name: string, strategy: Strategy | null) => this.call<ExecutiveView>("saveScenario", name, strategy);
  revertPromotion = () => this.call<ExecutiveView>("revertPromotion");
  approve = (by: string, role: string | null, allowStale?: boolean) =>
    this.call<ExecutiveView>("approve", by, role, allowStale ?? false);
  rerunCycle = () => this.call<ExecutiveView>("rerunCycle");
  measure = () => this.call<MeasureView>("measure");
  selectCell = (cell: CellAddress) => this.call<void>("selectCell", cell);

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.worker.postMessage({ id: this.nextId++, kind: "cancel" });
  }

  private call<T>(method: DemoMethod, ...args: unknown[]): Promise<T> {
    return this.request({ kind: "call", method, args }) as Promise<T>;
  }

  private request(body: DistributiveOmit<DemoRequest, "id">): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as DemoRequest);
    });
  }

  private receive(reply: DemoReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === "progress") {
      for (const listener of this.listeners) listener(reply.done, reply.total);
      return;
    }
    this.pending.delete(reply.id);
    this.apply(reply.sheets);
    if (reply.kind === "result") pending.resolve(reply.value);
    else {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      pending.reject(error);
    }
  }

  /** Unchanged sheets keep their snapshot object, so the grid can tell what a step wrote. */
  private apply(updates: SheetUpdate[]): void {
    const previous = new Map(this.snapshot.map((s) => [s.name, s]));
    this.snapshot = updates.flatMap((u) => {
      const sheet = u.changed ? u.snapshot : previous.get(u.name);
      return sheet ? [sheet] : [];
    });
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export type { WorkerLike };
