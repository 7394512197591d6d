/**
 * One family's part of the aggregate planning linear program (Chopra & Meindl, "Supply Chain
 * Management", ch. 8, Red Tomato Tools), written into a shared `LinearProgramBuilder` so one
 * family or many (sharing resources) use the same rows.
 *
 * Variables per period t (units unless noted): regular R, overtime O, subcontract C,
 * ending inventory I, ending backlog S; with a workforce also workers W, hires H, layoffs L.
 *
 *   minimize Σ_t (regularCost + materialCost)·R + (overtimeCost + materialCost)·O
 *              + subcontractCost·C + holdingCost·I + backlogCost·S
 *              + workerCost·W + hireCost·H + layoffCost·L
 *   s.t. I[t−1] − S[t−1] + R[t] + O[t] + C[t] − I[t] + S[t] = demand[t]   (balance)
 *        W[t] − W[t−1] − H[t] + L[t] = 0                                 (workforce)
 *        R[t] ≤ unitsPerWorker·W[t],  O[t] ≤ overtimePerWorker·W[t]      (with a workforce)
 *        R[t] ≤ capacity[t], O[t] ≤ overtimeCapacity, C[t] ≤ subcontractCapacity
 *        I[T] ≥ endingInventory, S[T] ≤ endingBacklog, S = 0 when backlog is not allowed
 *        I[t] − S[t] + G[t] ≥ target[t]                                    (inventory target)
 *
 * The target row compares the net inventory (stock minus backlog, the projected available
 * balance) with the target, so the plan cannot "keep" safety stock while customers wait. G is
 * the shortfall, priced at targetShortfallCost (a soft target); with a hard target G is absent.
 *
 * With integerWorkforce, W is whole (a MIP); H and L follow from W.
 * With holding on average inventory, I[t] is charged (I[t−1] + I[t]) / 2: each inner period
 * once, the last one half, and half the opening inventory as a constant.
 */
import type { LinearProgramBuilder, Term } from "./linearProgram";
import type { ResolvedFamily } from "./resolveFamily";

export interface FamilyColumns {
  regular: number[];
  overtime: number[];
  subcontract: number[];
  inventory: number[];
  backlog: number[];
  workers?: number[];
  hires?: number[];
  layoffs?: number[];
  /** the balance row of each period (where a shortfall would show) */
  balanceRows: number[];
  /** units below the inventory target per period (soft targets only; -1 where there is no column) */
  belowTarget: number[];
}

export interface FamilyModelOptions {
  /** prefix for variable and row names (unique per family) */
  prefix: string;
  /** adds a priced "shortfall" supply to every balance row, for explaining infeasibility */
  shortfall?: number[];
  /** drops whole-number requirements (the relaxation) */
  continuous?: boolean;
  /** zero all costs (a feasibility model) */
  noCosts?: boolean;
}

/**
 * Adds one family's columns and rows (above) to `lp` and returns their indices.
 * @example
 * const lp = new LinearProgramBuilder();
 * addFamilyToModel(lp, resolveFamily({ demand: [5, 5], capacity: [10, 10] }), { prefix: "f1" }).regular
 * // => [0, 5]  (R, O, C, I, S per period)
 */
export function addFamilyToModel(
  lp: LinearProgramBuilder,
  family: ResolvedFamily,
  options: FamilyModelOptions,
): FamilyColumns {
  const T = family.periods;
  const p = options.prefix;
  const price = (cost: number): number => (options.noCosts ? 0 : cost);
  const c = family.cost;
  const cols: FamilyColumns = {
    regular: [],
    overtime: [],
    subcontract: [],
    inventory: [],
    backlog: [],
    balanceRows: [],
    belowTarget: [],
  };
  const wf = family.workforce;
  const integer = !!wf?.integer && !options.continuous;
  if (wf) {
    cols.workers = [];
    cols.hires = [];
    cols.layoffs = [];
  }
  const holdingWeight = (t: number): number => (family.holdingOnAverage ? (t === T - 1 ? 0.5 : 1) : 1);
  if (family.holdingOnAverage) lp.addOffset(price(c.holding) * 0.5 * family.openingInventory);

  for (let t = 0; t < T; t++) {
    const last = t === T - 1;
    const R = lp.addVariable(`${p}R${t + 1}`, {
      upper: family.regularCapacity[t],
      cost: price(c.regular + c.material),
    });
    const O = lp.addVariable(`${p}O${t + 1}`, { upper: family.overtimeCapacity, cost: price(c.overtime + c.material) });
    const C = lp.addVariable(`${p}C${t + 1}`, { upper: family.subcontractCapacity, cost: price(c.subcontract) });
    const I = lp.addVariable(`${p}I${t + 1}`, {
      lower: last ? family.endingInventory : 0,
      cost: price(c.holding * holdingWeight(t)),
    });
    const backlogLimit = family.backlogAllowed ? (last ? family.endingBacklog : Infinity) : 0;
    const S = lp.addVariable(`${p}S${t + 1}`, { upper: backlogLimit, cost: price(c.backlog) });
    cols.regular.push(R);
    cols.overtime.push(O);
    cols.subcontract.push(C);
    cols.inventory.push(I);
    cols.backlog.push(S);

    const balance: Term[] = [
      [R, 1],
      [O, 1],
      [C, 1],
      [I, -1],
      [S, 1],
    ];
    let rhs = family.demand[t];
    if (t === 0) rhs += family.openingBacklog - family.openingInventory;
    else balance.push([cols.inventory[t - 1], 1], [cols.backlog[t - 1], -1]);
    if (options.shortfall) balance.push([options.shortfall[t], 1]);
    cols.balanceRows.push(lp.addConstraint(`${p}balance${t + 1}`, balance, rhs, rhs));

    const target = family.inventoryTarget[t];
    // The last period's own bound already holds endingInventory; the row adds the netting of backlog.
    if (target > 0) {
      const net: Term[] = [
        [I, 1],
        [S, -1],
      ];
      const soft = family.targetShortfallCost !== null;
      let G = -1;
      if (soft) {
        G = lp.addVariable(`${p}G${t + 1}`, { cost: price(family.targetShortfallCost ?? 0) });
        net.push([G, 1]);
      }
      cols.belowTarget.push(G);
      lp.addConstraint(`${p}target${t + 1}`, net, target, Infinity);
    } else cols.belowTarget.push(-1);

    if (wf && cols.workers && cols.hires && cols.layoffs) {
      const W = lp.addVariable(`${p}W${t + 1}`, { cost: price(c.worker), integer });
      // Only workers need to be whole: with whole W[t−1] and W[t], the cheapest H and L are
      // max(±(W[t] − W[t−1]), 0), whole too. Integer H and L as well only add symmetric
      // branches: an 8-period plan with free hiring ran HiGHS's MIP past 30 s unsolved
      // (gap 1.6%) and solves in about a hundred nodes without them.
      const H = lp.addVariable(`${p}H${t + 1}`, { cost: price(c.hire) });
      const L = lp.addVariable(`${p}L${t + 1}`, { cost: price(c.layoff) });
      cols.workers.push(W);
      cols.hires.push(H);
      cols.layoffs.push(L);
      const flow: Term[] = [
        [W, 1],
        [H, -1],
        [L, 1],
      ];
      if (t > 0) flow.push([cols.workers[t - 1], -1]);
      const opening = t === 0 ? wf.opening : 0;
      lp.addConstraint(`${p}workforce${t + 1}`, flow, opening, opening);
      lp.addConstraint(
        `${p}regularByWorkers${t + 1}`,
        [
          [R, 1],
          [W, -wf.unitsPerWorker],
        ],
        -Infinity,
        0,
      );
      if (Number.isFinite(wf.overtimePerWorker))
        lp.addConstraint(
          `${p}overtimeByWorkers${t + 1}`,
          [
            [O, 1],
            [W, -wf.overtimePerWorker],
          ],
          -Infinity,
          0,
        );
    }
  }
  return cols;
}

/** Reads a value from a solution, cleaning solver noise below 1e-7 of a unit: `readValue([3e-9], 0)` → 0. */
export function readValue(values: ArrayLike<number>, column: number): number {
  const v = values[column];
  return Math.abs(v) < 1e-7 ? 0 : v;
}
