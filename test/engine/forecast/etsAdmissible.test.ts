/**
 * The admissible region of ETS parameters against R's own check. Expected values: R 4.2.2,
 * forecast 8.20, `forecast:::admissible()` on 1,020 parameter sets (`Rscript
 * test/reference/admissibleReference.R`, committed as test/reference/admissibleReference.json).
 */
import { etsAdmissible, rootsWithin } from "../../../src/engine/forecast/ets/etsAdmissible";
import { fitEts } from "../../../src/engine/forecast/ets/etsFit";
import { parseEtsName } from "../../../src/engine/forecast/ets/etsSpec";
import reference from "../../reference/admissibleReference.json";
import { R_SERIES } from "./rReference";

interface Case {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  m: number;
  admissible: boolean;
  maxRoot?: number;
}
const cases = reference.cases as Case[];

describe("etsAdmissible as R's forecast:::admissible", () => {
  it("agrees with R on all 1,020 parameter sets, 257 of them inadmissible", () => {
    expect(cases).toHaveLength(1020);
    expect(cases.filter((c) => !c.admissible)).toHaveLength(257);
    const disagree = cases.filter((c) => etsAdmissible(c.alpha, c.beta, c.gamma, c.phi ?? 1, c.m) !== c.admissible);
    expect(disagree).toEqual([]);
  });

  it("rejects, inside R's usual bounds, exactly the monthly trend models R rejects by their roots", () => {
    // R: 173 of the 300 monthly A and Ad parameter sets have a root with modulus > 1 + 1e-10.
    const byRoots = cases.filter((c) => c.maxRoot !== undefined && c.maxRoot > 1 + 1e-10 && c.m === 12);
    expect(byRoots.length).toBeGreaterThan(100);
    for (const c of byRoots) expect(etsAdmissible(c.alpha, c.beta, c.gamma, c.phi ?? 1, c.m)).toBe(false);
  });

  it("rootsWithin: Schur–Cohn on hand-made polynomials", () => {
    // (z − 0.5)(z + 0.3) = z² − 0.2z − 0.15: roots 0.5, −0.3
    expect(rootsWithin([-0.15, -0.2, 1], 1)).toBe(true);
    // (z − 0.5)(z − 2) = z² − 2.5z + 1: root 2 outside the unit disc, inside radius 2.1
    expect(rootsWithin([1, -2.5, 1], 1)).toBe(false);
    expect(rootsWithin([1, -2.5, 1], 2.1)).toBe(true);
    // z³ − 1: three roots on the unit circle, inside any larger disc
    expect(rootsWithin([-1, 0, 0, 1], 1)).toBe(false);
    expect(rootsWithin([-1, 0, 0, 1], 1 + 1e-7)).toBe(true);
  });
});

describe('fitEts stays in the admissible region (R\'s bounds = "both")', () => {
  it("refuses smoothing parameters fixed outside it", () => {
    // R's sample case α 0.9965, β 0.7868, γ 0.0020, m 12: max root modulus 1.0000582 (inadmissible)
    const air = R_SERIES.find((s) => s.id === "AirPassengers")!;
    const fixed = { alpha: 0.996533905226318, beta: 0.78676395002875, gamma: 0.00201658384305583 };
    expect(() => fitEts(air.values, parseEtsName("ETS(A,A,A)"), 12, { fixed })).toThrow(/could not be fitted/);
    // the same β made admissible (β = 0.01): fitted
    expect(fitEts(air.values, parseEtsName("ETS(A,A,A)"), 12, { fixed: { ...fixed, beta: 0.01 } }).model).toBe(
      "ETS(A,A,A)",
    );
  });
});
