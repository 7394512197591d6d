/**
 * @jest-environment jsdom
 *
 * What XML Schema cannot check in manifest.xml: every resid names a defined resource, ids are
 * unique, the shared runtime is really shared (Runtime resid = custom functions Page = task pane
 * source), the namespace is SOP, and the icon files exist with the pixel sizes they declare.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");

function all(localName: string): Element[] {
  return Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === localName);
}

/** Resources defined under <Resources>: id → DefaultValue, by kind. */
function resources(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, string> {
  const section = all(kind)[0];
  const map = new Map<string, string>();
  for (const e of Array.from(section.children)) map.set(e.getAttribute("id")!, e.getAttribute("DefaultValue")!);
  return map;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/ path of a development URL. */
function localFile(url: string): string {
  return path.join(root, url.replace("https://localhost:3000/", ""));
}

describe("manifest cross-references", () => {
  it("parses as XML", () => {
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
  });

  it("defines every resid it uses", () => {
    const defined = new Set([
      ...resources("Images").keys(),
      ...resources("Urls").keys(),
      ...resources("ShortStrings").keys(),
      ...resources("LongStrings").keys(),
    ]);
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !defined.has(r))).toEqual([]);
  });

  it("has unique ids", () => {
    const ids = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("id"))
      .filter((r): r is string => r !== null);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("runs the functions and the task pane in one long-lived shared runtime", () => {
    const runtime = all("Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const runtimeResid = runtime.getAttribute("resid");
    const page = all("Page")[0].getElementsByTagName("SourceLocation")[0].getAttribute("resid");
    const showTaskpane = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane")!;
    const paneSource = Array.from(showTaskpane.children)
      .find((c) => c.localName === "SourceLocation")!
      .getAttribute("resid");
    expect(page).toBe(runtimeResid);
    expect(paneSource).toBe(runtimeResid);
    const defaultSource = all("DefaultSettings")[0]
      .getElementsByTagName("SourceLocation")[0]
      .getAttribute("DefaultValue");
    expect(resources("Urls").get(runtimeResid!)).toBe(defaultSource);
  });

  it("declares the SOP namespace and asks only for ReadWriteDocument", () => {
    const namespaceResid = all("Namespace")[0].getAttribute("resid")!;
    expect(resources("ShortStrings").get(namespaceResid)).toBe("SOP");
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
  });

  it("has icon files of the declared pixel sizes", () => {
    const images = resources("Images");
    const declared = all("Image").filter((e) => e.getAttribute("size"));
    expect(declared.length).toBeGreaterThan(0);
    for (const image of declared) {
      const size = Number(image.getAttribute("size"));
      const { width, height } = pngSize(localFile(images.get(image.getAttribute("resid")!)!));
      expect({ size, width, height }).toEqual({ size, width: size, height: size });
    }
    expect(pngSize(localFile(all("IconUrl")[0].getAttribute("DefaultValue")!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(all("HighResolutionIconUrl")[0].getAttribute("DefaultValue")!))).toEqual({
      width: 64,
      height: 64,
    });
  });

  it("has every icon the design asks for (16, 32, 64, 80 px)", () => {
    for (const size of [16, 32, 64, 80])
      expect(pngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});
