import type { Session } from "../../../staff/index.js";
import type { WebEnv } from "../webEnv.js";

/** The web server's request variables, and the staff session a staff request was made in. */
export interface StaffEnv {
  Bindings: WebEnv["Bindings"];
  Variables: WebEnv["Variables"] & { staff: Session };
}
