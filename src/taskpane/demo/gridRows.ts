/** The demo grid shows the header and this many rows of a sheet: rendering more would stall the pane. */
export const DEMO_GRID_ROWS = 1000;
