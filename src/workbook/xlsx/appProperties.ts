/**
 * The sheet list of `docProps/app.xml` (ECMA-376 Part 1, §22.2 extended properties): Excel keeps
 * the workbook's parts there by kind, `HeadingPairs` giving each group's name and size
 * ("Worksheets", 3; "Named Ranges", 1) and `TitlesOfParts` the names, group after group. Excel
 * and Windows show it in the file's properties; LibreOffice ignores it. When the add-in adds an
 * owned sheet, the worksheets' group is rewritten to the workbook's worksheets, in order; the
 * other groups (chart sheets, named ranges, localised group names) stay as they were.
 */
import { escapeXml, findAll, parseTree, type XmlElement } from "./xml";

const VT_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/** One group of HeadingPairs with its titles. */
interface PartGroup {
  name: string;
  titles: string[];
}

/**
 * `appXml` with its worksheets' group listing `worksheets` (the workbook's worksheet names in
 * order). Returned unchanged when the part has no sheet list, when the list does not add up
 * (sizes and names disagree), or when no group holds any of the worksheets.
 *
 * @example
 * // HeadingPairs ("Worksheets", 1), TitlesOfParts ("Sheet1")
 * appPropertiesXml(xml, ["Sheet1", "DemandPlan"]) // HeadingPairs ("Worksheets", 2), TitlesOfParts ("Sheet1", "DemandPlan")
 */
export function appPropertiesXml(appXml: string, worksheets: readonly string[], where: { file: string }): string {
  const vt = new RegExp(`xmlns:(\\w+)="${VT_NAMESPACE.replace(/\./g, "\\.")}"`).exec(appXml)?.[1];
  const headingBlock = /<(\w+:)?HeadingPairs\b[^>]*>[\s\S]*?<\/(\w+:)?HeadingPairs>/.exec(appXml);
  const titlesBlock = /<(\w+:)?TitlesOfParts\b[^>]*>[\s\S]*?<\/(\w+:)?TitlesOfParts>/.exec(appXml);
  if (!vt || !headingBlock || !titlesBlock) return appXml;
  const root = parseTree(appXml, { file: where.file, part: "docProps/app.xml" });
  const groups = readGroups(root);
  if (!groups) return appXml;
  const wanted = new Set(worksheets);
  const sheetsGroup = groups.find((g) => g.titles.some((t) => wanted.has(t)));
  if (!sheetsGroup) return appXml;
  if (sheetsGroup.titles.length === worksheets.length && sheetsGroup.titles.every((t, i) => t === worksheets[i]))
    return appXml;
  sheetsGroup.titles = [...worksheets];

  const headingPrefix = headingBlock[1] ?? "";
  const titlesPrefix = titlesBlock[1] ?? "";
  const headings =
    `<${headingPrefix}HeadingPairs><${vt}:vector size="${groups.length * 2}" baseType="variant">` +
    groups
      .map(
        (g) =>
          `<${vt}:variant><${vt}:lpstr>${escapeXml(g.name)}</${vt}:lpstr></${vt}:variant>` +
          `<${vt}:variant><${vt}:i4>${g.titles.length}</${vt}:i4></${vt}:variant>`,
      )
      .join("") +
    `</${vt}:vector></${headingPrefix}HeadingPairs>`;
  const titles = groups.flatMap((g) => g.titles);
  const titlesXml =
    `<${titlesPrefix}TitlesOfParts><${vt}:vector size="${titles.length}" baseType="lpstr">` +
    titles.map((t) => `<${vt}:lpstr>${escapeXml(t)}</${vt}:lpstr>`).join("") +
    `</${vt}:vector></${titlesPrefix}TitlesOfParts>`;
  // Replace the later block first, so the earlier one's index still holds.
  const [first, second] =
    headingBlock.index < titlesBlock.index
      ? [
          { block: headingBlock, xml: headings },
          { block: titlesBlock, xml: titlesXml },
        ]
      : [
          { block: titlesBlock, xml: titlesXml },
          { block: headingBlock, xml: headings },
        ];
  let out = appXml;
  out = out.slice(0, second.block.index) + second.xml + out.slice(second.block.index + second.block[0].length);
  out = out.slice(0, first.block.index) + first.xml + out.slice(first.block.index + first.block[0].length);
  return out;
}

/** HeadingPairs and TitlesOfParts as groups, or null when their sizes do not add up. */
function readGroups(root: XmlElement): PartGroup[] | null {
  const headingPairs = root.children.find((c) => c.name === "HeadingPairs");
  const titlesOfParts = root.children.find((c) => c.name === "TitlesOfParts");
  if (!headingPairs || !titlesOfParts) return null;
  const variants = findAll(headingPairs, "variant");
  const titles = findAll(titlesOfParts, "lpstr").map((t) => t.text);
  const groups: PartGroup[] = [];
  let at = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const name = variants[i].children[0]?.text ?? "";
    const count = Number(variants[i + 1].children[0]?.text);
    if (!Number.isInteger(count) || count < 0 || at + count > titles.length) return null;
    groups.push({ name, titles: titles.slice(at, at + count) });
    at += count;
  }
  return at === titles.length && variants.length % 2 === 0 ? groups : null;
}
