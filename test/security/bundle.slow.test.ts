/**
 * Privacy of what ships: a fresh production build (the same webpack config as `npm run build`,
 * written to a temporary folder) holds no telemetry SDK and no absolute URL other than the
 * Office.js CDN, XML namespace names and the add-in's own origin; the production dependency
 * tree in package-lock.json holds no telemetry package.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scanBundle, TELEMETRY_MARKERS } from "./bundleScan";

const root = path.resolve(__dirname, "..", "..");
const OWN_ORIGIN = "https://sop-planner.example.com";

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true } as any) as unknown as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const full = path.join((entry as any).parentPath ?? (entry as any).path, entry.name);
    if (/\.(js|html|json|xml|css|txt|map)$/.test(entry.name))
      files[path.relative(dir, full)] = fs.readFileSync(full, "utf8");
  }
  return files;
}

describe("the production bundle", () => {
  let out: string;
  let files: Record<string, string>;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "sop-bundle-"));
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      {
        cwd: root,
        // The placeholder origin is allowed explicitly: this build is a test build.
        env: { ...process.env, ADDIN_URL: OWN_ORIGIN + "/", ALLOW_PLACEHOLDER_HOST: "1" },
        stdio: "pipe",
      },
    );
    files = readTree(out);
  }, 300_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("was built: the pane and functions scripts are there", () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["taskpane.js", "functions.js", "taskpane.html", "manifest.xml"]),
    );
  });

  it("holds no telemetry SDK and no URL but the Office CDN, namespaces and its own origin", () => {
    expect(scanBundle(files, OWN_ORIGIN)).toEqual([]);
  });

  it("loads no script from anywhere but its own origin and the Office.js CDN", () => {
    const sources = [...files["taskpane.html"].matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    for (const src of sources)
      expect(src).toMatch(/^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[\w./-]+\.js)$/);
    expect(files["taskpane.html"]).toMatch(/connect-src 'self'/);
  });
});

describe("the bundle scan itself", () => {
  it("finds a planted telemetry SDK and a planted beacon URL", () => {
    const planted = {
      "x.js": 'import "@microsoft/applicationinsights-web"; fetch("https://collector.example.net/track")',
    };
    expect(scanBundle(planted, OWN_ORIGIN).map((f) => f.finding)).toEqual([
      'telemetry marker "applicationinsights"',
      "URL https://collector.example.net/track",
    ]);
  });

  it("lets through the Office.js CDN, namespaces and the add-in's own origin", () => {
    const clean = {
      "y.html":
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><svg xmlns="http://www.w3.org/2000/svg"></svg><a href="https://sop-planner.example.com/help.html">',
    };
    expect(scanBundle(clean, OWN_ORIGIN)).toEqual([]);
  });
});

describe("the production dependency tree (package-lock.json)", () => {
  it("holds no telemetry package", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
    const production = Object.entries<any>(lock.packages)
      .filter(([key, entry]) => key !== "" && !entry.dev)
      .map(([key]) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(production.length).toBeGreaterThan(0);
    const markers = TELEMETRY_MARKERS.filter((m) => /^[@a-z0-9-]/.test(m) && !m.includes("."));
    expect(production.filter((name) => markers.some((m) => name.toLowerCase().includes(m.replace(/\/$/, ""))))).toEqual(
      [],
    );
  });
});
