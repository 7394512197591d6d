/**
 * Starts the pane in a root element: when Office.js is there, shows "Connecting to Excel…" until
 * `Office.onReady` answers (however long that takes), then builds the cycle for the host and
 * renders the pane. Its inputs are explicit so the start-up can be tested in jsdom.
 */
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import { Connecting } from "./components/Connecting";
import { createCycle } from "./cycle/createCycle";
import type { WorkerLike } from "./compute/workerCompute";
import { RemoteCycle, type DemoWorkerLike } from "./cycle/remoteCycle";
import {
  chosenDemoHost,
  detectHostFrom,
  OFFER_DEMO_AFTER_MS,
  officeGlobal,
  prefersDark,
  type OfficeLike,
  type PaneHost,
} from "./host/officeHost";

export interface StartOptions {
  office?: OfficeLike;
  browserPrefersDark?: boolean;
  /** the page's query string (demo workbook choices) */
  search?: string;
  offerDemoAfterMs?: number;
  /** the planning worker (forecasts, RCCP, HiGHS off the UI thread); none: computed in this thread */
  createWorker?: () => WorkerLike;
  /** in demo mode, the worker holding the demo workbook and its cycle; none: the demo runs in this thread */
  createDemoWorker?: () => DemoWorkerLike;
}

/** Renders the pane into `element`; resolves with the host it settled on. */
export async function startPane(
  element: HTMLElement,
  options: StartOptions = {},
): Promise<{ host: PaneHost; root: Root }> {
  const office = "office" in options ? options.office : officeGlobal();
  const dark = options.browserPrefersDark ?? prefersDark();
  const root = createRoot(element);
  let host: PaneHost;
  if (office) {
    let chooseDemo: (host: PaneHost) => void = () => undefined;
    const chosen = new Promise<PaneHost>((resolve) => (chooseDemo = resolve));
    root.render(
      <Connecting
        theme={dark ? "dark" : "light"}
        offerDemoAfterMs={options.offerDemoAfterMs ?? OFFER_DEMO_AFTER_MS}
        onChooseDemo={() => chooseDemo(chosenDemoHost(dark))}
      />,
    );
    host = await Promise.race([detectHostFrom(office, dark), chosen]);
  } else {
    host = await detectHostFrom(undefined, dark);
  }
  try {
    if (host.kind === "browser" && options.createDemoWorker) {
      const cycle = new RemoteCycle(options.createDemoWorker(), options.search ?? "");
      await cycle.ready;
      root.render(<App host={host} cycle={cycle} demoSheets={cycle.sheets} />);
    } else {
      const { cycle, demoSheets } = createCycle(host, options.search ?? "", { createWorker: options.createWorker });
      root.render(<App host={host} cycle={cycle} demoSheets={demoSheets} />);
    }
  } catch (error) {
    // Nothing else can show it: the pane has not rendered.
    root.unmount();
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = `S&OP Planner could not start: ${error instanceof Error ? error.message : String(error)}`;
    element.replaceChildren(message);
  }
  return { host, root };
}
