/** Light or dark, following Office's body background (or the browser's preference in demo mode). */
export type PaneTheme = "light" | "dark";

/**
 * Office gives the theme as colours (`Office.context.officeTheme.bodyBackgroundColor`, e.g.
 * "#262626" in Excel's dark grey and black themes); a dark body means a dark pane.
 * Returns undefined when the colour is missing or unreadable.
 */
export function themeFromOffice(bodyBackgroundColor: string | undefined): PaneTheme | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec((bodyBackgroundColor ?? "").trim());
  if (!hex) return undefined;
  const value = parseInt(hex[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Relative luminance with sRGB weights (ITU-R BT.709), on 0..255.
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 128 ? "dark" : "light";
}
