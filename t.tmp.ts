import * as fs from "fs";
import { fitCes } from "./src/engine/forecast/ces";
const data = JSON.parse(fs.readFileSync("/work/shared/data/tourism_monthly.json", "utf8")) as { train: number[] }[];
const ys = data.filter((s) => s.train.length >= 120).slice(0, 60).map((s) => s.train.slice(-120));
const counts: Record<string, number> = {};
for (const y of ys) { const f = fitCes(y, 12); counts[f.seasonality] = (counts[f.seasonality] ?? 0) + 1; }
console.log(counts);
const t0 = process.cpuUsage();
for (const y of ys) fitCes(y, 12);
const u = process.cpuUsage(t0); console.log("fitCes ms cpu/series", ((u.user + u.system) / 1000 / ys.length).toFixed(2));
