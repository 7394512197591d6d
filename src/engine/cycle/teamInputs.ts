/**
 * Inputs by team: the sales and marketing teams' demand numbers for an item and period (the
 * DemandPlan columns SalesInput and MarketingInput), and how they form the consensus.
 *
 * The rule (docs/meeting.md, "Inputs by team"), the precedence SAP IBP's and Oracle Demantra's
 * consensus worksheets use, the most specific and latest judgement first:
 *
 * 1. the planner's Override (the demand planner's final word), else
 * 2. the teams' inputs: one input alone is taken as it is; both together count equally (their
 *    mean), else
 * 3. the statistical forecast (negative counts as 0).
 *
 * A family override (FamilyPlan) is split over the family's items that have neither an override
 * nor a team input: an item with an input is pinned at its input, like an item override.
 */
import type { ConsensusSource } from "./familySplit";
import type { PlanningData } from "./types";

/** The teams' inputs, items × plan periods (units; null = none). */
export interface TeamInputs {
  sales: (number | null)[][];
  marketing: (number | null)[][];
}

/** The teams' combined number: the one given, or the mean of both; null when neither team gave one. */
export function teamConsensus(sales: number | null, marketing: number | null): number | null {
  if (sales === null) return marketing;
  if (marketing === null) return sales;
  return (sales + marketing) / 2;
}

/**
 * The planner-set demand of item `i` in plan period `t` (rule above, steps 1 and 2) with where it
 * came from, or null when the statistical forecast stands.
 */
export function plannerDemand(
  data: Pick<PlanningData, "overrides" | "teamInputs">,
  i: number,
  t: number,
): { units: number; source: ConsensusSource } | null {
  const override = data.overrides[i]?.[t] ?? null;
  if (override !== null) return { units: override, source: "item override" };
  const sales = data.teamInputs?.sales[i]?.[t] ?? null;
  const marketing = data.teamInputs?.marketing[i]?.[t] ?? null;
  const combined = teamConsensus(sales, marketing);
  if (combined === null) return null;
  return {
    units: combined,
    source: sales !== null && marketing !== null ? "team inputs" : sales !== null ? "sales input" : "marketing input",
  };
}
