/**
 * The ComputeService the pane gives its PlanningSession: the engine's forecasting and
 * reconciliation in a Web Worker (planning.worker.ts), so the UI thread only reads, lays out and
 * renders. One request at a time is what the pane sends; several are queued by id anyway.
 *
 * - Progress: every listener hears (items done, total) while forecasts run.
 * - Cancel: terminates the worker and rejects what was pending with `CancelledError`; the next
 *   request starts a new worker. The session computes before it writes, so nothing is written.
 * - A worker that fails to start (CSP, old host) rejects with its error; the caller may fall back.
 */
import type { DemandPlan, PlanningData, Strategy, ReconcileResult } from "../../engine/cycle";
import { PlanningError } from "../../engine/errors";
import type { ComputeService, ProgressListener } from "../../workbook/compute";
import type { WorkerReply, WorkerRequest } from "./protocol";

/** The planner cancelled a running computation; nothing was written. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled: nothing was written.");
    this.name = "CancelledError";
  }
}

/** What the pane's UI sees of background work: progress and a way to stop it. */
export interface BackgroundWork {
  /** listens to progress (units done of total); returns the unsubscribe */
  onProgress(listener: ProgressListener): () => void;
  /** stops what is running; its promise rejects with CancelledError */
  cancel(): void;
}

/** The part of `Worker` used here (tests hand in a fake). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressListener;
}

export class WorkerCompute implements ComputeService, BackgroundWork {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<ProgressListener>();

  constructor(private readonly createWorker: () => WorkerLike) {}

  planDemand(data: PlanningData, onProgress?: ProgressListener): Promise<DemandPlan> {
    return this.request({ kind: "planDemand", data }, onProgress) as Promise<DemandPlan>;
  }

  reconcilePlans(data: PlanningData, demand: DemandPlan, strategy: Strategy): Promise<ReconcileResult> {
    return this.request({ kind: "reconcilePlans", data, demand, strategy }) as Promise<ReconcileResult>;
  }

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.stop(new CancelledError());
  }

  private stop(reason: unknown): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }

  private request(body: DistributiveOmit<WorkerRequest, "id">, onProgress?: ProgressListener): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let worker: WorkerLike;
      try {
        worker = this.started();
      } catch (e) {
        reject(e);
        return;
      }
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private started(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.stop(new Error(`The planning worker stopped: ${event.message || "unknown error"}`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === "progress") {
      pending.onProgress?.(reply.done, reply.total);
      for (const listener of this.listeners) listener(reply.done, reply.total);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === "result") pending.resolve(reply.value);
    else pending.reject(fromWire(reply.error));
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function fromWire(error: { name: string; message: string; kind?: PlanningError["kind"]; argument?: string }): Error {
  if (error.name === "PlanningError" && error.kind) return new PlanningError(error.kind, error.message, error.argument);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}
