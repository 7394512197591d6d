/**
 * The manifest asks Office for as little as the add-in needs: ReadWriteDocument (read the input
 * tables, write the owned output sheets), no single sign-on / Graph access, and no domain but
 * its own — in the development manifest and in the production rewrite.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toProduction } = require("../../scripts/manifest-url");

const development = fs.readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
const production: string = toProduction(development, "https://planner.example.org/sop/");

/** The manifest without XML comments, which may mention anything. */
const body = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, "");

describe.each([
  ["development", development, "https://localhost:3000"],
  ["production", production, "https://planner.example.org"],
])("the %s manifest", (_name, xml, origin) => {
  it("asks for ReadWriteDocument and nothing more", () => {
    const permissions = [...body(xml).matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(["ReadWriteDocument"]);
  });

  it("requests no single sign-on, Graph or mailbox access", () => {
    expect(body(xml)).not.toMatch(/WebApplicationInfo|ExtendedPermissions|ReadWriteMailbox|ReadItem|Scopes>/);
  });

  it("names no domain but the add-in's own", () => {
    const domains = [...body(xml).matchAll(/<AppDomain>\s*([^<]*?)\s*<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains).toEqual([origin]);
    const urls = [...body(xml).matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(url).origin).toBe(origin);
  });
});
