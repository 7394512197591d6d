/** Chart colours readable on both the light and the dark theme (Fluent's data-vis palette). */
export const CHART_COLORS = {
  history: "#637cef",
  forecast: "#e3008c",
  band: "#8764b8",
  demand: "#637cef",
  production: "#2aa0a4",
  inventory: "#9373c0",
  backlog: "#d06228",
} as const;
