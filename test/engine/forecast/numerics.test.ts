import { aicc } from "../../../src/engine/forecast/criteria";
import { intervalT } from "../../../src/engine/forecast/fDistribution";
import { nelderMead } from "../../../src/engine/forecast/nelderMead";
import { normalQuantile } from "../../../src/engine/forecast/normalQuantile";
import { seededRandom } from "../../../src/engine/forecast/randomSource";
import { prepareHistory } from "../../../src/engine/forecast/prepareHistory";
import { drawNormals, quantileInPlace } from "../../../src/engine/forecast/prediction";

describe("numerical helpers", () => {
  it("normal quantiles equal R's qnorm", () => {
    // R: qnorm(c(0.975, 0.9, 0.5, 0.001, 1e-10)) → 1.959964 1.281552 0 −3.090232 −6.361341
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it("Student t interval quantiles equal R's qt", () => {
    // R: qt(c(0.975, 0.975, 0.975, 0.9, 0.995), c(10, 3, 30, 5, 2)) → 2.228138852 3.182446305 2.042272456 1.475884049 9.924843201
    expect(intervalT(0.95, 10)).toBeCloseTo(2.228138852, 8);
    expect(intervalT(0.95, 3)).toBeCloseTo(3.182446305, 8);
    expect(intervalT(0.95, 30)).toBeCloseTo(2.042272456, 8);
    expect(intervalT(0.8, 5)).toBeCloseTo(1.475884049, 8);
    expect(intervalT(0.99, 2)).toBeCloseTo(9.924843201, 7);
    // infinite degrees of freedom: the normal z
    expect(intervalT(0.95, Infinity)).toBe(normalQuantile(0.975));
    // tiny levels (1 − level rounds to 1; the tail comparison used to give 2152 for the first):
    // R: qt(0.5 + l/2, d) for l = c(1e-9, 1e-9, 1e-6, 1e-4), d = c(1e5, 1, 1e5, 3) →
    // 1.25331737430470e-09 1.57079644308798e-09 1.25331727050198e-06 1.36034952876936e-04
    // (for df = 1 near 0 that is π·l/2: the Cauchy density at 0 is 1/π)
    const relative = (value: number, expected: number) => Math.abs(value / expected - 1);
    expect(relative(intervalT(1e-9, 1e5), 1.2533173743047e-9)).toBeLessThan(1e-6);
    expect(relative(intervalT(1e-9, 1), 1.57079644308798e-9)).toBeLessThan(1e-6);
    expect(relative(intervalT(1e-6, 1e5), 1.25331727050198e-6)).toBeLessThan(1e-6);
    expect(relative(intervalT(1e-4, 3), 1.36034952876936e-4)).toBeLessThan(1e-6);
  });

  it("AICc adds 2k and the small-sample term, and is Infinity without enough observations", () => {
    // hand: −2 log L = 100, k = 3, n = 20 → 100 + 6 + 2·3·4 / (20 − 3 − 1) = 106 + 24 / 16 = 107.5
    expect(aicc(100, 3, 20)).toBe(107.5);
    // n − k − 1 = 0 and < 0: no finite criterion (a model with as many parameters as points never wins)
    expect(aicc(100, 3, 4)).toBe(Infinity);
    expect(aicc(100, 3, 2)).toBe(Infinity);
  });

  it("Nelder–Mead finds the minimum of the Rosenbrock function at (1, 1)", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-12, maxEvaluations: 5000 });
    expect(result.point[0]).toBeCloseTo(1, 3);
    expect(result.point[1]).toBeCloseTo(1, 3);
  });

  it("the seeded generator repeats itself and stays in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it("fills gaps linearly and drops leading and trailing blanks", () => {
    // 10 → 14 over two steps: 12 in between; 14 → 20 over three: 16, 18
    expect(prepareHistory([null, 10, null, 14, null, null, 20, null]).values).toEqual([10, 12, 14, 16, 18, 20]);
    expect(prepareHistory([null, 10, null, 14, null, null, 20, null]).filledGaps).toBe(3);
    expect(() => prepareHistory([null, null])).toThrow(/no numbers/);
  });
});

describe("simulation helpers", () => {
  it("quantile by selection equals R's type-7 quantile", () => {
    // R: quantile(c(3, 1, 2, 4), c(0.5, 0.025, 0.975)) → 2.5, 1.075, 3.925
    expect(quantileInPlace(Float64Array.from([3, 1, 2, 4]), 0.5)).toBe(2.5);
    expect(quantileInPlace(Float64Array.from([3, 1, 2, 4]), 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileInPlace(Float64Array.from([3, 1, 2, 4]), 0.975)).toBeCloseTo(3.925, 12);
    const random = seededRandom(3);
    const values = Float64Array.from({ length: 1001 }, () => random());
    const sorted = Float64Array.from(values).sort();
    expect(quantileInPlace(values, 0.9)).toBe(sorted[900]);
  });

  it("normal draws have mean ≈ 0 and variance ≈ 1", () => {
    const z = drawNormals(seededRandom(5), 20000);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    // standard errors: 1/sqrt(20000) ≈ 0.007 for the mean, ≈ 0.01 for the variance
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });
});
