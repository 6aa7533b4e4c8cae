import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The project's root folder, whether this runs from src/ (tsx) or from dist/src/ (compiled). */
export const projectRoot = basename(dirname(here)) === "dist" ? join(here, "..", "..") : join(here, "..");
