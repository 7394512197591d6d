/**
 * ETS and Theta against R on a sample of the public collections: every 25th M1 monthly series,
 * every 20th M1 quarterly and every 30th tourism monthly and quarterly series (64 in all). R's
 * results come from test/reference/collectionReference.R (`Rscript
 * test/reference/collectionReference.R ../shared/data`, R 4.2.2, forecast 8.20), committed as
 * collectionReference.json; the series are read from ../shared/data or $SOP_DATA_DIR (not copied into the project).
 */
import * as fs from "fs";
import * as path from "path";
import { fitEts } from "../../../src/engine/forecast/ets/etsFit";
import { selectEts } from "../../../src/engine/forecast/ets/etsSelect";
import { parseEtsName } from "../../../src/engine/forecast/ets/etsSpec";
import { fitTheta, predictTheta } from "../../../src/engine/forecast/theta";
import reference from "../../reference/collectionReference.json";
import { maxRelativeDifference } from "./rReference";

interface Entry {
  id: string;
  index: number;
  model: string;
  loglik: number;
  aicc: number;
  ets_mean: number[];
  thetaf_mean: number[];
}
interface Series {
  id: string;
  period: number;
  horizon: number;
  train: number[];
}

const dataDir = process.env.SOP_DATA_DIR || path.resolve(__dirname, "..", "..", "..", "..", "shared", "data");
const present = fs.existsSync(path.join(dataDir, "m1_monthly.json"));
if (!present)
  console.warn(`collectionReference.test.ts: ${dataDir} is missing; the R comparison on the collections is SKIPPED.`);

const cases: { name: string; entry: Entry; series: Series }[] = [];
if (present) {
  for (const [name, entries] of Object.entries(reference.collections as unknown as Record<string, Entry[]>)) {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, `${name}.json`), "utf8")) as Series[];
    for (const entry of entries) cases.push({ name, entry, series: data[entry.index - 1] });
  }
}

(present ? describe : describe.skip)("ETS and Theta as R on 64 collection series", () => {
  it("the sample is the one R saw", () => {
    expect(cases).toHaveLength(64);
    for (const c of cases) expect(c.series.id).toBe(c.entry.id);
  });

  it("R's chosen model, fitted here, reaches R's log-likelihood within 0.5 on at least 59 of 64", () => {
    // Measured: 59 of 64; 44 of 64 above R's (R's simplex stops earlier). The five below R are
    // local optima with γ near its bound 1 − α in R: tourism Q31 M,A,M −22.6, M1 MNC32 M,A,M −12.3,
    // M1 QRF1 M,Ad,M −6.7, tourism Q391 M,N,M −2.4 and M31 M,N,M −1.7. A second start there reached
    // R's values but forecast worse on the training parts (docs/forecasting.md), so it is not used.
    const gaps = cases.map(
      (c) => fitEts(c.series.train, parseEtsName(c.entry.model), c.series.period).logLikelihood - c.entry.loglik,
    );
    expect(gaps.filter((g) => g > -0.5).length).toBeGreaterThanOrEqual(59);
    expect(Math.min(...gaps)).toBeGreaterThan(-23);
  });

  // Selecting among 15 models is the slow part: every 4th case in `npm test`, all 64 with
  // SOP_FULL_REFERENCE=1 (`npm run test:forecast-reference`).
  const full = process.env.SOP_FULL_REFERENCE === "1";
  const selected = full ? cases : cases.filter((_, i) => i % 4 === 0);
  it(`AICc selection picks R's model on most of ${full ? 64 : 16}, otherwise one with lower AICc or within 12`, () => {
    // Measured: 44 of 64 the same (13 of the 16); where ours differs, its AICc is lower than R's
    // except at the local optima above: M1 MNC32 (+11.2), QRF1 (+3.9) and tourism M31 (+2.8).
    let same = 0;
    for (const c of selected) {
      const best = selectEts(c.series.train, c.series.period).best;
      if (best.model === c.entry.model) same++;
      else expect(best.aicc).toBeLessThan(c.entry.aicc + 12);
    }
    expect(same).toBeGreaterThanOrEqual(full ? 44 : 13);
  });

  it("Theta's season test (lag-m autocorrelation at 90% on the original series) and forecasts as thetaf()", () => {
    // Measured worst relative difference 4.1e-4 (M1 MND59): SES α stops at a looser tolerance.
    for (const c of cases) {
      const ours = predictTheta(fitTheta(c.series.train, c.series.period), c.series.horizon).point;
      expect([c.entry.id, maxRelativeDifference(ours, c.entry.thetaf_mean) < 1e-3]).toEqual([c.entry.id, true]);
    }
  });
});
