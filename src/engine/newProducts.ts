/**
 * New product introduction: an item with no sales history borrows its statistical demand from a
 * like item (an existing product it is expected to sell like), scaled by a factor, from its
 * launch period on — the "forecasting by analogy" of Kahn, "New Product Forecasting" (2006).
 *
 * Applies to items that have a `LikeItem` and no history (every history cell blank or 0). Before
 * `LaunchPeriod` the new item's demand is 0; from it on, like item's forecast × `LikeItemFactor`
 * (default 1). Period labels compare as text, which orders `YYYY-MM` and `YYYY-Www` correctly; a
 * launch before the horizon means the whole horizon, after it means none. A like item that is
 * itself new is resolved first (chains allowed, cycles refused). Lower and upper bounds scale the
 * same way. O(items × periods).
 */
import { invalidInput } from "./errors";

export interface NewProductSpec {
  name: string;
  /** the existing item it will sell like; undefined/null = not a new product */
  likeItem?: string | null;
  /** first period it sells, a plan period label; undefined = from the start of the horizon */
  launchPeriod?: string | null;
  /** scale on the like item's forecast (0.5 = half as much); default 1 */
  likeItemFactor?: number | null;
}

export interface ItemForecasts {
  /** per item (same order as items), per plan period */
  point: number[][];
  lower?: number[][];
  upper?: number[][];
}

export interface NewProductResult extends ItemForecasts {
  /** indexes of the items whose forecast came from a like item */
  newProducts: number[];
}

/**
 * @example
 * applyNewProducts(
 *   [{ name: "Old" }, { name: "New", likeItem: "Old", launchPeriod: "2026-03", likeItemFactor: 0.5 }],
 *   [[10, 12, 14], [null, null, null]], // history: New has none
 *   ["2026-01", "2026-02", "2026-03", "2026-04"],
 *   { point: [[100, 100, 100, 120], [0, 0, 0, 0]] })
 * // => point[1] = [0, 0, 50, 60], newProducts [1]
 * @throws invalidInput when a LikeItem is unknown, points to itself or a cycle, or the factor is negative.
 */
export function applyNewProducts(
  items: readonly NewProductSpec[],
  history: readonly (readonly (number | null)[])[],
  planPeriods: readonly string[],
  forecasts: ItemForecasts,
): NewProductResult {
  const index = new Map(items.map((item, i) => [item.name, i]));
  const isNew = items.map(
    (item, i) => Boolean(item.likeItem) && (history[i] ?? []).every((v) => v === null || v === 0),
  );
  const point = forecasts.point.map((row) => row.slice());
  const lower = forecasts.lower?.map((row) => row.slice());
  const upper = forecasts.upper?.map((row) => row.slice());
  const state = items.map(() => "pending" as "pending" | "resolving" | "done");

  const resolve = (i: number, chain: string[]): void => {
    if (state[i] === "done" || !isNew[i]) return;
    const item = items[i];
    if (state[i] === "resolving")
      throw invalidInput(
        "LikeItem",
        `LikeItem of ${item.name} leads back to itself (${[...chain, item.name].join(" → ")}); point it at an item with history.`,
      );
    state[i] = "resolving";
    const like = index.get(item.likeItem as string);
    if (like === undefined)
      throw invalidInput("LikeItem", `LikeItem "${item.likeItem}" of ${item.name} is not an item in Items.`);
    if (like === i) throw invalidInput("LikeItem", `${item.name} cannot be its own LikeItem.`);
    const factor = item.likeItemFactor ?? 1;
    if (!Number.isFinite(factor) || factor < 0)
      throw invalidInput("LikeItemFactor", `LikeItemFactor of ${item.name} must be a number ≥ 0, not ${factor}.`);
    resolve(like, [...chain, item.name]);
    const launch = item.launchPeriod ?? null;
    planPeriods.forEach((period, t) => {
      const selling = launch === null || period >= launch;
      point[i][t] = selling ? point[like][t] * factor : 0;
      if (lower) lower[i][t] = selling ? lower[like][t] * factor : 0;
      if (upper) upper[i][t] = selling ? upper[like][t] * factor : 0;
    });
    state[i] = "done";
  };
  items.forEach((_, i) => resolve(i, []));
  return { point, lower, upper, newProducts: items.map((_, i) => i).filter((i) => isNew[i]) };
}
