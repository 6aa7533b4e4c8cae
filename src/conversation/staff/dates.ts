/** Day arithmetic lives with the store's Beijing days; re-exported for the callers that import it from here. */
export { addDays } from "../../store/beijingDay.js";
