/**
 * Validates manifest.xml and the production manifest against Microsoft's add-in manifest schemas
 * ([MS-OWEMXML], read from ../shared/schemas, never copied here) with libxml2 (xmllint-wasm).
 * Where the schemas are absent this test says plainly that schema validation did not run.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateWithSchemas, schemasPresent, schemaDir } = require("../../scripts/validate-manifest.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toProduction } = require("../../scripts/manifest-url.js");

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const present: boolean = schemasPresent();

if (!present) {
  // Outside the development tree there are no schemas: say so loudly instead of passing quietly.
  console.warn(`SCHEMA VALIDATION DID NOT RUN: ${schemaDir} has no OfficeAppManifestV1_1.xsd.`);
}

(present ? describe : describe.skip)("manifest against the Office add-in XML schemas", () => {
  it("validates the development manifest", async () => {
    const result = await validateWithSchemas("manifest.xml", manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("validates the production manifest", async () => {
    const production = toProduction(manifest, "https://planner.contoso.com/sop/");
    const result = await validateWithSchemas("manifest.prod.xml", production);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("rejects a manifest the schema forbids (Runtimes after AllFormFactors)", async () => {
    // The validator must be able to fail: move <Runtimes> after <AllFormFactors>, which
    // [MS-OWEMXML] 2.2.152 Host orders the other way round.
    const runtimes = manifest.match(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/)![0];
    const broken = manifest.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    const result = await validateWithSchemas("broken.xml", broken);
    expect(result.valid).toBe(false);
  });
});

describe("production URL rewrite", () => {
  it("rewrites every development URL", () => {
    const production: string = toProduction(manifest, "https://planner.contoso.com/sop/");
    expect(production).not.toContain("localhost");
    const devCount = manifest.split("https://localhost:3000").length - 1;
    expect(devCount).toBeGreaterThan(5);
    expect(production.split("https://planner.contoso.com/sop/").length - 1).toBe(devCount - 1);
    expect(production).toContain("<AppDomain>https://planner.contoso.com</AppDomain>");
  });
});
