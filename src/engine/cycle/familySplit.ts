/**
 * Family volume override → item mix: the "top-down" disaggregation S&OP tools apply when a volume
 * decision is made for a family (SAP IBP's proportional disaggregation; Wallace & Stahl: volume
 * is decided by family, the mix is left to master scheduling).
 */

/** Where an item's consensus demand in a period came from. */
export type ConsensusSource =
  | "statistical"
  | "item override"
  | "sales input"
  | "marketing input"
  | "team inputs"
  | "family override";

export interface FamilySplitMember {
  /** the item's own planner-set demand in the period (an override or a team input), or null: such an item stays pinned */
  override: number | null;
  /** the item's weight in the split (its statistical forecast, or its recent sales); < 0 counts as 0 */
  basis: number;
}

/**
 * Splits a family's target volume over its items: items with their own override keep it
 * (pinned), the others share what is left, `max(0, target − Σ pinned)`, in proportion to their
 * basis. When the free items' basis sums to 0 they share equally. When the pinned items alone
 * exceed the target the free items get 0 and the family ends above the target (the item overrides
 * win; the FamilyPlan sheet shows both numbers).
 *
 * O(n) in the family's items.
 *
 * @example
 * // target 108, items with statistical 60 and 40, no item override
 * splitFamilyOverride(108, [{ override: null, basis: 60 }, { override: null, basis: 40 }]) // => [64.8, 43.2]
 * // the same with the first item pinned at 70: the second absorbs the rest
 * splitFamilyOverride(108, [{ override: 70, basis: 60 }, { override: null, basis: 40 }]) // => [70, 38]
 */
export function splitFamilyOverride(target: number, members: readonly FamilySplitMember[]): number[] {
  const pinned = members.reduce((sum, m) => sum + (m.override ?? 0), 0);
  const free = members.filter((m) => m.override === null);
  const rest = Math.max(0, target - pinned);
  const weight = (m: FamilySplitMember) => Math.max(0, Number.isFinite(m.basis) ? m.basis : 0);
  const totalWeight = free.reduce((sum, m) => sum + weight(m), 0);
  return members.map((m) => {
    if (m.override !== null) return m.override;
    return totalWeight > 0 ? (rest * weight(m)) / totalWeight : rest / free.length;
  });
}
