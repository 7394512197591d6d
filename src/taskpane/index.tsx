/** Entry point: start the pane in #root (see startPane for the start-up rules). */
import { startPane } from "./startPane";

void startPane(document.getElementById("root") as HTMLElement, { search: window.location.search });
