/**
 * How `auto` is chosen, reproduced: combination rules and interval widenings scored on the
 * training parts only (docs/forecasting.md "The procedure").
 *
 *   npm run bench:forecast-rules -- [dataDir] [--with-arima] [--ces-variants simple,full]
 *
 * For every seasonal collection (tourism monthly and quarterly, M1 monthly and quarterly) and two
 * rolling origins on the training part (origin 1: the last `horizon` training points held out;
 * origin 2: the `horizon` points before those, history cut there), `auto`'s members (ETS pool,
 * the AICc ETS model, DOTM, the airline model) and the candidates Theta and CES are fitted once per series
 * and their forecasts combined by every rule offline (means and medians of subsets, and
 * season-strength gates; per-series selection from the errors at origin 2, for information).
 * Rules are scored as in the docs: each collection's MASE and sMAPE divided by those of the ETS
 * member alone, averaged over the eight ratios, at each origin; ranked by the mean of the two
 * origins' scores; then the same per frequency (the two monthly collections; the two quarterly
 * ones: every rule's score at each origin and their mean) and the per-frequency choice, against
 * the single rule over all eight ratios (docs "A rule per frequency"). Bounds: the members' envelope or trimmed envelope (combination.ts), each
 * member's half-widths first corrected for its sample size or not (methods.ts
 * smallSampleFactor), then times k, scored by the mean over collections and both origins of
 * MSIS / MSIS(envelope, k = 1); the choice is
 * the lowest score among those with all eight coverages in 92–97% (`--by-horizon` also prints
 * coverage by thirds of the horizon). TSB's smoothing constants: a grid on car parts' intermittent
 * training histories at both origins (tsbGrid). The test parts are not read.
 * `--with-arima` also fits ARIMA (`arima`, R's auto.arima()) as a candidate member at both origins: about
 * 20 s without it, about 7 minutes with it on 2 quiet cores. The CES candidate (`ces`) chooses by
 * AICc among the variants of `--ces-variants` ("simple" alone by default; all four is smooth's auto.ces()).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CombinedBounds, mean, median, widenBounds } from "../src/engine/forecast/combination";
import { fitWithFallback, parseMethod, predictModel } from "../src/engine/forecast";
import { fitAirline } from "../src/engine/forecast/arima/airline";
import { SampleCorrection, autoEtsSelection } from "../src/engine/forecast/methods";
import { autoArima } from "../src/engine/forecast/arima/autoArima";
import { seasonalStrength } from "../src/engine/forecast/arima/differencing";
import { FittedModel } from "../src/engine/forecast/methods";
import { Prediction } from "../src/engine/forecast/prediction";
import { fitTheta } from "../src/engine/forecast/theta";
import { CesSeasonality, fitCes } from "../src/engine/forecast/ces";
import { TSB_ALPHA, TSB_BETA, fitIntermittent, isIntermittent } from "../src/engine/forecast/intermittent";
import { prepareHistory } from "../src/engine/forecast/prepareHistory";
import { mase, smape } from "../src/engine/metrics";

interface Series {
  period: number;
  horizon: number;
  train: number[];
}

interface Case {
  /** the series' index in its collection */
  index: number;
  period: number;
  history: number[];
  target: number[];
  members: Record<string, Prediction>;
  /** STL seasonal strength F_s of the history (0 with two seasons of data or fewer) */
  strength: number;
  /** `auto`'s unwidened 95% bounds under each candidate (BOUNDS) */
  bounds: Record<string, Prediction>;
}

/**
 * The candidate bounds: how the members' bounds combine (combination.ts) and how each member's
 * half-widths are first corrected for its sample size (methods.ts smallSampleFactor).
 */
const BOUNDS: Record<string, { bounds: CombinedBounds; correction?: SampleCorrection }> = {
  envelope: { bounds: "envelope" },
  "envelope, t": { bounds: "envelope", correction: "t" },
  "envelope, t-variance": { bounds: "envelope", correction: "t-variance" },
  "trimmed envelope": { bounds: "trimmed-envelope" },
  "trimmed envelope, t-variance": { bounds: "trimmed-envelope", correction: "t-variance" },
};

const COLLECTIONS = ["tourism_monthly", "tourism_quarterly", "m1_monthly", "m1_quarterly"];
/**
 * `auto`'s members, and candidates fitted beside them: the airline model (`airline`), and with
 * `--with-arima` ARIMA (`arima`, R's auto.arima()).
 */
const withArima = process.argv.includes("--with-arima");
const MEMBERS = ["pool", "theta", "ets", "dotm", "airline", "ces", ...(withArima ? ["arima"] : [])];
const cesVariantsIndex = process.argv.indexOf("--ces-variants");
const CES_VARIANTS = (
  cesVariantsIndex >= 0 ? process.argv[cesVariantsIndex + 1].split(",") : ["simple"]
) as CesSeasonality[];
/** Season-strength gates: F_s at or above the threshold takes the strong-season rule. */
const STRENGTH_THRESHOLDS = [0.5, 0.64, 0.8];
const candidateTime = { ms: 0, series: 0 };
const WIDENINGS = Array.from({ length: 37 }, (_, i) => Math.round(1000 * (1 + 0.025 * i)) / 1000);
const LEVEL = 0.95;

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--ces-variants");
const dataDir = path.resolve(positional[0] ?? path.join(__dirname, "..", "..", "shared", "data"));

function memberLabel(kind: string): string {
  return kind === "combination" ? "pool" : kind;
}

/** The cases of one collection at one origin (1 = last horizon held out, 2 = the one before). */
function cases(name: string, origin: number): Case[] {
  const series = JSON.parse(fs.readFileSync(path.join(dataDir, `${name}.json`), "utf8")) as Series[];
  return series
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => s.train.length - origin * s.horizon >= 2 * s.period + 2)
    .map(({ s, index }) => {
      const cut = s.train.length - origin * s.horizon;
      const history = s.train.slice(0, cut);
      const target = s.train.slice(cut, cut + s.horizon);
      const { values } = prepareHistory(history);
      const fitted = fitWithFallback(parseMethod("auto"), values, s.period);
      const members: Record<string, Prediction> = {};
      const options = { level: LEVEL, intervals: "approximate" as const };
      if (fitted.kind === "combination" && fitted.rule === "median")
        for (const member of [...fitted.members, ...(fitted.pointOnly ?? [])])
          members[memberLabel(member.kind)] = predictModel(member, s.horizon, options);
      else members.auto = predictModel(fitted, s.horizon, options);
      // Candidates that `auto` does not fit (the same fits as inside `auto`).
      const extra: Record<string, () => FittedModel> = {
        theta: () => fitTheta(values, s.period, { shortSeasonTest: true }),
        airline: () => fitAirline(values, s.period),
        ces: () => fitCes(values, s.period, { variants: CES_VARIANTS }),
        ets: () => autoEtsSelection(values, s.period).best,
      };
      // `--ces-variants` replaces auto's own CES member (simple seasonality) by the variants asked for.
      const refit = (label: string) => !members[label] || (label === "ces" && cesVariantsIndex >= 0);
      for (const [label, fit] of Object.entries(extra))
        if (refit(label) && !members.auto)
          try {
            members[label] = predictModel(fit(), s.horizon, options);
          } catch {
            // too short for this member: rules with it use their other members
          }
      const bounds: Record<string, Prediction> = {};
      for (const [label, candidate] of Object.entries(BOUNDS))
        bounds[label] =
          fitted.kind === "combination"
            ? predictModel(
                { ...fitted, widening: 1, bounds: candidate.bounds, sampleCorrection: candidate.correction },
                s.horizon,
                options,
              )
            : predictModel(fitted, s.horizon, options);
      const started = process.hrtime.bigint();
      if (withArima)
        try {
          members.arima = predictModel(autoArima(values, s.period), s.horizon, options);
        } catch {
          // no ARIMA for this history: rules with it use their other members
        }
      if (withArima) {
        candidateTime.ms += Number(process.hrtime.bigint() - started) / 1e6;
        candidateTime.series++;
      }
      const strength = values.length > 2 * s.period ? seasonalStrength(values, s.period) : 0;
      return { index, period: s.period, history, target, members, bounds, strength };
    });
}

function combined(c: Case, wanted: readonly string[], rule: (v: readonly number[]) => number): number[] {
  const present = wanted.filter((m) => c.members[m]);
  const use = present.length > 0 ? present : Object.keys(c.members);
  return c.target.map((_, h) => rule(use.map((m) => c.members[m].point[h])));
}

function accuracy(all: Case[], forecast: (c: Case) => number[]): { mase: number; smape: number } {
  const maseValues: number[] = [];
  const smapeValues: number[] = [];
  for (const c of all) {
    const f = forecast(c);
    try {
      const value = mase(c.target, f, c.history, c.period);
      if (Number.isFinite(value)) maseValues.push(value);
    } catch {
      // a series whose seasonal naive errors are all zero has no MASE
    }
    smapeValues.push(smape(c.target, f));
  }
  return { mase: mean(maseValues), smape: mean(smapeValues) };
}

function subsets(items: readonly string[]): string[][] {
  if (items.length === 0) return [[]];
  const rest = subsets(items.slice(1));
  return [...rest, ...rest.map((s) => [items[0], ...s])];
}

/** Coverage and MSIS (M4's: mean interval score over the horizon, scaled by the in-sample seasonal naive MAE). */
function intervals(all: Case[], factor: number, candidate = "envelope"): { coverage: number; msis: number } {
  let inside = 0;
  let points = 0;
  const scores: number[] = [];
  for (const c of all) {
    const p = widenBounds(c.bounds[candidate], factor);
    let score = 0;
    c.target.forEach((y, h) => {
      const lower = (p.lower as number[])[h];
      const upper = (p.upper as number[])[h];
      points++;
      if (y >= lower && y <= upper) inside++;
      score += upper - lower + (y < lower ? (2 / (1 - LEVEL)) * (lower - y) : 0);
      score += y > upper ? (2 / (1 - LEVEL)) * (y - upper) : 0;
    });
    let scale = 0;
    for (let t = c.period; t < c.history.length; t++) scale += Math.abs(c.history[t] - c.history[t - c.period]);
    scale /= c.history.length - c.period;
    if (scale > 0) scores.push(score / c.target.length / scale);
  }
  return { coverage: inside / points, msis: mean(scores) };
}

/**
 * TSB's smoothing constants (docs/forecasting.md "TSB's smoothing constants"): every (α, β) of the
 * grid on car parts' intermittent training histories at both origins (origin 1: the training
 * part's last 12 months held out; origin 2: the 12 before). The choice is the lowest mean RMSE
 * over the two origins on α, β ≤ 0.3; the rows above 0.3 are printed for information.
 */
function tsbGrid(): void {
  const series = JSON.parse(fs.readFileSync(path.join(dataDir, "carparts.json"), "utf8")) as Series[];
  const grid = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
  const rows: { alpha: number; beta: number; bias: number[]; rmse: number[] }[] = [];
  for (const alpha of grid)
    for (const beta of grid) {
      const row = { alpha, beta, bias: [] as number[], rmse: [] as number[] };
      for (const origin of [1, 2]) {
        let f = 0;
        let a = 0;
        const rmse: number[] = [];
        for (const s of series) {
          const cut = s.train.length - origin * s.horizon;
          const history = s.train.slice(0, cut);
          if (!isIntermittent(history)) continue;
          const rate = fitIntermittent(history, "tsb", { alpha, beta }).rate;
          let sq = 0;
          for (const actual of s.train.slice(cut, cut + s.horizon)) {
            f += rate;
            a += actual;
            sq += (rate - actual) ** 2;
          }
          rmse.push(Math.sqrt(sq / s.horizon));
        }
        row.bias.push((f - a) / a);
        row.rmse.push(mean(rmse));
      }
      rows.push(row);
    }
  const meanRmse = (r: (typeof rows)[number]) => (r.rmse[0] + r.rmse[1]) / 2;
  rows.sort((x, y) => meanRmse(x) - meanRmse(y));
  const chosen = rows.find((r) => r.alpha <= 0.3 && r.beta <= 0.3)!;
  console.log("\n### TSB's smoothing constants on car parts' intermittent training histories (two origins)");
  console.log("| α | β | RMSE origin 1 | origin 2 | mean | pooled bias origin 1 | origin 2 |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows.slice(0, 12))
    console.log(
      `| ${r.alpha} | ${r.beta} | ${r.rmse[0].toFixed(4)} | ${r.rmse[1].toFixed(4)} | ${meanRmse(r).toFixed(4)} | ${r.bias[0].toFixed(3)} | ${r.bias[1].toFixed(3)} |`,
    );
  console.log(
    `choice (α, β ≤ 0.3, lowest mean RMSE): α = ${chosen.alpha}, β = ${chosen.beta}; in use: α = ${TSB_ALPHA}, β = ${TSB_BETA}`,
  );
}

function main(): void {
  if (!COLLECTIONS.every((name) => fs.existsSync(path.join(dataDir, `${name}.json`)))) {
    console.log(`Data folder ${dataDir} lacks the collections: pass the folder holding their .json files.`);
    return;
  }
  const data = [1, 2].map((origin) => COLLECTIONS.map((name) => cases(name, origin)));
  console.log(`data: ${dataDir}; training parts only; series per collection at origin 1 / 2:`);
  console.log(COLLECTIONS.map((name, i) => `${name} ${data[0][i].length} / ${data[1][i].length}`).join(", "));
  if (withArima)
    console.log(
      `ARIMA (auto.arima) as a candidate member: ${(candidateTime.ms / candidateTime.series).toFixed(2)} ms per series (wall clock, load average ${os.loadavg()[0].toFixed(1)})`,
    );

  const rules: { label: string; forecast: (c: Case) => number[] }[] = MEMBERS.map((m) => ({
    label: m,
    forecast: (c: Case) => combined(c, [m], mean),
  }));
  for (const s of subsets(MEMBERS).filter((s) => s.length >= 2)) {
    rules.push({ label: `mean(${s.join(", ")})`, forecast: (c) => combined(c, s, mean) });
    if (s.length >= 3) rules.push({ label: `median(${s.join(", ")})`, forecast: (c) => combined(c, s, median) });
  }
  // Gated rules: a strongly seasonal history (STL seasonal strength at or above a threshold)
  // takes a strong-season rule, any other the current `auto` rule.
  const gateBase = ["pool", "theta", "ets", "dotm"]; // `auto` before the airline member
  const autoRule = (c: Case): number[] => combined(c, gateBase, median);
  const strongRules: [string, (c: Case) => number[]][] = [
    ["pool", (c) => combined(c, ["pool"], mean)],
    ["mean(pool, airline)", (c) => combined(c, ["pool", "airline"], mean)],
  ];
  for (const threshold of STRENGTH_THRESHOLDS)
    for (const [label, strong] of strongRules)
      rules.push({
        label: `F_s ≥ ${threshold} ? ${label} : median(${gateBase.join(", ")})`,
        forecast: (c) => (c.strength >= threshold ? strong(c) : autoRule(c)),
      });
  // The ETS member's accuracy, the denominator of every ratio, once per origin and collection.
  const references = data.map((origin) => origin.map((all) => accuracy(all, (c) => combined(c, ["ets"], mean))));
  const score = (o: number, forecast: (c: Case) => number[]) => {
    const reference = references[o];
    const scores = data[o].map((all) => accuracy(all, forecast));
    const ratios = scores.map((s, i) => [s.mase / reference[i].mase, s.smape / reference[i].smape]);
    const monthly = mean(ratios.filter((_, i) => COLLECTIONS[i].includes("monthly")).flat());
    const quarterly = mean(ratios.filter((_, i) => COLLECTIONS[i].includes("quarterly")).flat());
    return { scores, all: mean(ratios.flat()), monthly, quarterly };
  };
  const scored = rules.map((rule) => {
    const second = score(1, rule.forecast);
    return {
      label: rule.label,
      ...score(0, rule.forecast),
      origin2: second.all,
      monthly2: second.monthly,
      quarterly2: second.quarterly,
    };
  });
  // Ranked by the mean of the two origins' scores: one window is noisy (the origin-1 leader
  // among the airline rules ranks far lower at origin 2).
  scored.sort((a, b) => a.all + a.origin2 - (b.all + b.origin2));
  console.log(
    `\n### ${rules.length} rules at origin 1 (MASE for tourism, sMAPE for M1; score = mean of the 8 ratios to ETS alone)`,
  );
  console.log(
    `| rule | ${COLLECTIONS.join(" | ")} | score | monthly score | quarterly score | origin 2 score | mean of both |`,
  );
  console.log(`|---|${COLLECTIONS.map(() => "---|").join("")}---|---|---|---|---|`);
  for (const r of scored) {
    const cells = r.scores.map((s, i) =>
      COLLECTIONS[i].startsWith("tourism") ? s.mase.toFixed(3) : s.smape.toFixed(2),
    );
    console.log(
      `| ${r.label} | ${cells.join(" | ")} | ${r.all.toFixed(4)} | ${r.monthly.toFixed(4)} | ${r.quarterly.toFixed(4)} | ${r.origin2.toFixed(4)} | ${((r.all + r.origin2) / 2).toFixed(4)} |`,
    );
  }

  // Car parts (informational, not in the score): the training part's last 12 months held out;
  // intermittent histories get TSB under every rule, the others the rule. The issue asks car parts
  // to be no worse than RMSE 0.815 and bias +0.19 on its test part; this shows, on training data
  // only, which rules would move the bias.
  if (fs.existsSync(path.join(dataDir, "carparts.json"))) {
    const parts = cases("carparts", 1);
    const seasonal = parts.filter((c) => !c.members.auto).length;
    const shown = [...scored.slice(0, 10), ...scored.filter((r) => ["mean(pool, dotm)", "ets"].includes(r.label))];
    console.log(
      `\n### car parts at origin 1 (training parts; ${parts.length} series, ${seasonal} with seasonal members, the rest TSB under every rule; informational)`,
    );
    console.log("| rule | pooled bias Σ(F−A)/ΣA | bias of the seasonal ones | RMSE (mean over series) |");
    console.log("|---|---|---|---|");
    for (const r of shown) {
      const rule = rules.find((x) => x.label === r.label)!;
      let f = 0,
        a = 0,
        seasonalF = 0,
        seasonalA = 0;
      const rmse: number[] = [];
      for (const c of parts) {
        const forecast = rule.forecast(c);
        let sq = 0;
        c.target.forEach((actual, h) => {
          f += forecast[h];
          a += actual;
          if (!c.members.auto) {
            seasonalF += forecast[h];
            seasonalA += actual;
          }
          sq += (forecast[h] - actual) ** 2;
        });
        rmse.push(Math.sqrt(sq / c.target.length));
      }
      console.log(
        `| ${r.label} | ${((f - a) / a).toFixed(3)} | ${((seasonalF - seasonalA) / seasonalA).toFixed(3)} | ${mean(rmse).toFixed(3)} |`,
      );
    }
  }

  if (fs.existsSync(path.join(dataDir, "carparts.json"))) tsbGrid();

  // A rule per frequency (docs/forecasting.md "A rule per frequency"): each frequency's two
  // collections ranked by the mean of their score at the two origins, as the overall ranking.
  const single = scored[0];
  const singleScore = (single.all + single.origin2) / 2;
  const choices: Record<string, { label: string; mean: number }> = {};
  for (const frequency of ["monthly", "quarterly"] as const) {
    const at = (r: (typeof scored)[number]) =>
      frequency === "monthly" ? [r.monthly, r.monthly2] : [r.quarterly, r.quarterly2];
    const ranked = [...scored].sort((a, b) => mean(at(a)) - mean(at(b)));
    console.log(`\n### ${frequency} collections only: every rule, ranked by the mean of both origins`);
    console.log(`| rule | ${frequency} origin 1 | origin 2 | mean of both |`);
    console.log("|---|---|---|---|");
    for (const r of ranked)
      console.log(`| ${r.label} | ${at(r)[0].toFixed(4)} | ${at(r)[1].toFixed(4)} | ${mean(at(r)).toFixed(4)} |`);
    choices[frequency] = { label: ranked[0].label, mean: mean(at(ranked[0])) };
  }
  const pair = (choices.monthly.mean + choices.quarterly.mean) / 2;
  console.log(
    `\nper frequency: monthly ${choices.monthly.label}, quarterly ${choices.quarterly.label}; score over all eight (mean of both origins) ${pair.toFixed(4)} against ${singleScore.toFixed(4)} for ${single.label}: ${singleScore - pair > 0.003 ? "beyond the 0.003 noise band (adopt if each passes the veto on its frequency's test parts)" : "within 0.003: keep the single rule"}`,
  );

  // Per-series selection at origin 1 from each member's sMAPE at origin 2 (the horizon just before,
  // inside origin 1's history): informational, since in use it fits every member twice.
  const selected = ["pool", "ets", "dotm", "airline"];
  const earlier = data[1].map((all) => new Map(all.map((c) => [c.index, c])));
  const errorsBefore = (c: Case, i: number): Record<string, number> | undefined => {
    const before = earlier[i].get(c.index);
    if (!before) return undefined;
    const errors: Record<string, number> = {};
    for (const m of selected)
      if (before.members[m] && c.members[m]) errors[m] = smape(before.target, before.members[m].point);
    return Object.keys(errors).length > 0 ? errors : undefined;
  };
  const selectionRules: [string, (c: Case, i: number) => number[]][] = [
    [
      "best of pool, ets, dotm, airline by sMAPE one origin earlier",
      (c, i) => {
        const errors = errorsBefore(c, i);
        if (!errors) return combined(c, selected, median);
        const best = Object.entries(errors).sort((a, b) => a[1] - b[1])[0][0];
        return c.members[best].point;
      },
    ],
    [
      "pool, ets, dotm, airline weighted by 1 / sMAPE one origin earlier",
      (c, i) => {
        const errors = errorsBefore(c, i);
        if (!errors) return combined(c, selected, median);
        const weights = Object.entries(errors).map(([m, e]) => [m, 1 / Math.max(e, 1e-3)] as const);
        const total = weights.reduce((a, [, w]) => a + w, 0);
        return c.target.map((_, h) => weights.reduce((a, [m, w]) => a + (w * c.members[m].point[h]) / total, 0));
      },
    ],
    ["median(pool, ets, dotm, airline) (the rule before CES)", (c) => combined(c, selected, median)],
  ];
  console.log("\n### Per-series selection at origin 1 from the errors at origin 2 (informational: twice the fitting)");
  console.log(`| rule | ${COLLECTIONS.join(" | ")} | origin 1 score |`);
  console.log(`|---|${COLLECTIONS.map(() => "---|").join("")}---|`);
  for (const [label, rule] of selectionRules) {
    const reference = references[0];
    const scores = data[0].map((all, i) => accuracy(all, (c) => rule(c, i)));
    const ratios = scores.map((sc, i) => [sc.mase / reference[i].mase, sc.smape / reference[i].smape]);
    const cells = scores.map((sc, i) =>
      COLLECTIONS[i].startsWith("tourism") ? sc.mase.toFixed(3) : sc.smape.toFixed(2),
    );
    console.log(`| ${label} | ${cells.join(" | ")} | ${mean(ratios.flat()).toFixed(4)} |`);
  }

  const base = data.map((origin) => origin.map((all) => intervals(all, 1).msis));
  const candidates: { label: string; k: number; score: number; inBand: boolean }[] = [];
  for (const candidate of Object.keys(BOUNDS)) {
    console.log(
      `\n### auto's 95% bounds: ${candidate}, widened by k (coverage, MSIS; score = mean MSIS / MSIS(envelope, k = 1) over 4 × 2)`,
    );
    console.log(`| k | ${COLLECTIONS.map((n) => `${n} origin 1 | origin 2`).join(" | ")} | score | all in 92–97% |`);
    console.log(`|---|${COLLECTIONS.map(() => "---|---|").join("")}---|---|`);
    for (const k of WIDENINGS) {
      const cells: string[] = [];
      const ratios: number[] = [];
      let inBand = true;
      COLLECTIONS.forEach((_, i) =>
        [0, 1].forEach((o) => {
          const r = intervals(data[o][i], k, candidate);
          cells.push(`${(100 * r.coverage).toFixed(1)}%, ${r.msis.toFixed(2)}`);
          ratios.push(r.msis / base[o][i]);
          inBand &&= r.coverage >= 0.92 && r.coverage <= 0.97;
        }),
      );
      console.log(`| ${k} | ${cells.join(" | ")} | ${mean(ratios).toFixed(4)} | ${inBand ? "yes" : "no"} |`);
      candidates.push({ label: candidate, k, score: mean(ratios), inBand });
    }
  }
  const eligible = candidates.filter((c) => c.inBand);
  const chosen = (eligible.length > 0 ? eligible : candidates).sort((a, b) => a.score - b.score)[0];
  console.log(
    `\nchosen: ${chosen.label}, k = ${chosen.k} (score ${chosen.score.toFixed(4)}; ${eligible.length > 0 ? "the lowest score with every training coverage in 92–97%" : "no candidate puts every training coverage in 92–97%: the lowest score"})`,
  );
  // A factor per frequency (the chosen bounds; k chosen the same way on each frequency's two
  // collections), adopted when its score over all eight beats the single factor's by more than
  // the 0.003 noise band (docs/forecasting.md) with every coverage inside 92–97%.
  const candidate = chosen.label;
  const perFrequency: Record<string, number> = {};
  const ratiosAll: number[] = [];
  for (const frequency of ["monthly", "quarterly"]) {
    const group = COLLECTIONS.map((name, i) => (name.includes(frequency) ? i : -1)).filter((i) => i >= 0);
    const choices = WIDENINGS.map((k) => {
      const ratios: number[] = [];
      const cells: string[] = [];
      let inBand = true;
      for (const i of group)
        for (const o of [0, 1]) {
          const r = intervals(data[o][i], k, candidate);
          ratios.push(r.msis / base[o][i]);
          cells.push(`${(100 * r.coverage).toFixed(1)}%, ${r.msis.toFixed(2)}`);
          inBand &&= r.coverage >= 0.92 && r.coverage <= 0.97;
        }
      return { k, score: mean(ratios), inBand, cells, ratios };
    });
    const allowed = choices.filter((c) => c.inBand);
    const best = (allowed.length > 0 ? allowed : choices).sort((a, b) => a.score - b.score)[0];
    perFrequency[frequency] = best.k;
    ratiosAll.push(...best.ratios);
    console.log(
      `per frequency, ${frequency}: ${candidate}, k = ${best.k} (score over its 2 collections × 2 origins ${best.score.toFixed(4)}; ${best.cells.join(" / ")})`,
    );
  }
  const pairScore = mean(ratiosAll);
  console.log(
    `per frequency over all eight: score ${pairScore.toFixed(4)} against ${chosen.score.toFixed(4)}: ${chosen.score - pairScore > 0.003 ? "adopt the factor per frequency" : "within 0.003: keep the single factor"}`,
  );
  if (process.argv.includes("--by-horizon")) {
    console.log("\n### coverage by horizon third (t-variance, k = 1), origin 1 / 2");
    COLLECTIONS.forEach((name, i) => {
      const cells = [0, 1].map((o) => {
        const inside = [0, 0, 0];
        const count = [0, 0, 0];
        for (const c of data[o][i]) {
          const p = c.bounds["envelope, t-variance"];
          c.target.forEach((y, h) => {
            const b = Math.floor((3 * h) / c.target.length);
            count[b]++;
            if (y >= (p.lower as number[])[h] && y <= (p.upper as number[])[h]) inside[b]++;
          });
        }
        return inside.map((v, b) => `${((100 * v) / count[b]).toFixed(1)}%`).join(" ");
      });
      console.log(`${name}: ${cells.join(" / ")}`);
    });
  }
}

main();
