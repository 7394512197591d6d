/** Entry point: detect the host once, build the cycle for it, render the pane. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createCycle } from "./cycle/createCycle";
import { detectHost } from "./host/officeHost";

async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  const host = await detectHost();
  try {
    const { cycle, demoSheets } = createCycle(host, window.location.search);
    root.render(<App host={host} cycle={cycle} demoSheets={demoSheets} />);
  } catch (error) {
    // Nothing else can show it: React has not rendered yet.
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = `S&OP Planner could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.getElementById("root")?.replaceChildren(message);
  }
}

void start();
