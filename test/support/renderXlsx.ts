/**
 * Renders an .xlsx with LibreOffice headless (→ PDF) and poppler's pdftoppm (→ PNG pages), and
 * counts pixels of given colours in the pages with Debian's python3-pil: proof that charts are
 * drawn by a program other than ours. A private LibreOffice profile per call keeps concurrent
 * runs from fighting over the default one.
 */
import { execFileSync } from "child_process";
import { mkdirSync, readdirSync, rmSync } from "fs";
import { basename, join } from "path";

/** Converts `xlsxPath` to PDF and PNG pages in `outDir`; returns the PNG paths in page order. */
export function renderToPng(xlsxPath: string, outDir: string, resolution = 60): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = join(outDir, `.lo-profile-${process.pid}`);
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, xlsxPath],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const stem = basename(xlsxPath).replace(/\.xlsx$/, "");
  const pdf = join(outDir, `${stem}.pdf`);
  execFileSync("pdftoppm", ["-r", String(resolution), "-png", pdf, join(outDir, stem)], {
    stdio: "pipe",
    timeout: 60_000,
  });
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => join(outDir, f));
}

/** Pixels within ±`tolerance` per channel of each hex colour, summed over the pages. */
export function countColourPixels(pngs: readonly string[], colours: readonly string[], tolerance = 24): number[] {
  const script = [
    "import sys, json",
    "from PIL import Image",
    "colours = [tuple(int(c[i:i+2], 16) for i in (0, 2, 4)) for c in json.loads(sys.argv[1])]",
    "tol = int(sys.argv[2]); counts = [0] * len(colours)",
    "for path in sys.argv[3:]:",
    "    for px in Image.open(path).convert('RGB').getdata():",
    "        for k, c in enumerate(colours):",
    "            if all(abs(px[i] - c[i]) <= tol for i in range(3)): counts[k] += 1",
    "print(json.dumps(counts))",
  ].join("\n");
  return JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", script, JSON.stringify(colours), String(tolerance), ...pngs], {
      encoding: "utf8",
    }),
  );
}
