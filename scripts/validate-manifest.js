#!/usr/bin/env node
/**
 * Validates manifest.xml, and the production manifest the build writes, against Microsoft's
 * Office add-in manifest schemas in ../shared/schemas with libxml2 (xmllint-wasm: the same
 * libxml2 compiled to WebAssembly, so no system package is needed).
 *
 * The schemas are Microsoft's text and are not copied into this project. Where they are absent
 * (outside the development tree), this falls back to Microsoft's online validator
 * (office-addin-manifest validate) and says so.
 *
 * Exit code 0: valid; 1: invalid; 2: could not validate.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { PLACEHOLDER_URL, toProduction } = require("./manifest-url");

const root = path.resolve(__dirname, "..");
const schemaDir = process.env.SOP_SCHEMA_DIR || path.resolve(root, "..", "shared", "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** Validates one XML text; resolves to { valid, errors }. */
async function validateWithSchemas(fileName, xmlText, dir = schemaDir) {
  const { validateXML } = require("xmllint-wasm");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xsd"));
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [{ fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(dir, MAIN_SCHEMA), "utf8") }],
    preload: files
      .filter((f) => f !== MAIN_SCHEMA)
      .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), "utf8") })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage || e.message) };
}

function schemasPresent(dir = schemaDir) {
  return fs.existsSync(path.join(dir, MAIN_SCHEMA));
}

function manifestsToCheck() {
  const dev = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const built = path.join(root, "dist", "manifest.xml");
  const production = fs.existsSync(built) ? fs.readFileSync(built, "utf8") : toProduction(dev, PLACEHOLDER_URL);
  return [
    { name: "manifest.xml", text: dev },
    {
      name: fs.existsSync(built) ? "dist/manifest.xml (production)" : "production manifest (rewritten in memory)",
      text: production,
    },
  ];
}

async function main() {
  if (!schemasPresent()) {
    console.warn(`Schemas not found in ${schemaDir}: offline validation did NOT run.`);
    console.warn(
      "Falling back to Microsoft's online validator (office-addin-manifest validate), which needs the network.",
    );
    const r = spawnSync("npx", ["--yes", "office-addin-manifest", "validate", "manifest.xml"], {
      cwd: root,
      stdio: "inherit",
    });
    process.exit(r.status === 0 ? 0 : 2);
  }
  let failed = false;
  for (const { name, text } of manifestsToCheck()) {
    const { valid, errors } = await validateWithSchemas(name, text);
    if (valid) {
      console.log(`${name} validates against ${path.relative(root, path.join(schemaDir, MAIN_SCHEMA))}`);
    } else {
      failed = true;
      console.error(`${name} fails to validate:`);
      for (const e of errors) console.error(`  ${e}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}

module.exports = { validateWithSchemas, schemasPresent, schemaDir };
