import * as fs from "fs";
import { fitCes, fitCesVariant } from "./src/engine/forecast/ces";
import { forecastSeries } from "./src/engine/forecast";
const data = JSON.parse(fs.readFileSync("/work/shared/data/tourism_monthly.json", "utf8")) as { train: number[] }[];
const ys = data.filter((s) => s.train.length >= 120).slice(0, 60).map((s) => s.train.slice(-120));
const cpu = (f: () => void) => { const t0 = process.cpuUsage(); f(); const u = process.cpuUsage(t0); return ((u.user + u.system) / 1000 / ys.length).toFixed(2); };
for (let r = 0; r < 2; r++) {
  const out: string[] = [];
  out.push("auto " + cpu(() => { for (const y of ys) forecastSeries({ history: y, horizon: 24, seasonality: 12, level: 0.95 }); }));
  out.push("ces " + cpu(() => { for (const y of ys) fitCes(y, 12); }));
  for (const v of ["none", "simple", "partial", "full"] as const) out.push(v + " " + cpu(() => { for (const y of ys) fitCesVariant(y, 12, v); }));
  console.log(out.join(" | "));
}
