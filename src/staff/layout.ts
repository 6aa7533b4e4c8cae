import { join } from "node:path";

/** Where the staff console keeps its files under DATA_DIR. */
export const staffDir = (dataDir: string) => join(dataDir, "staff");
export const accountsFile = (dataDir: string) => join(staffDir(dataDir), "accounts.json");
export const auditFile = (dataDir: string) => join(staffDir(dataDir), "audit.jsonl");
