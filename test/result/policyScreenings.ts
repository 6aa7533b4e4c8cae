import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { mergeCase } from "../support/mergeCase.js";

/** Every valid screening of the policy cases (test/engine/cases), merged over its file's base, named by file and case. */
export interface PolicyScreening {
  name: string;
  screening: Screening;
}

const DIR = join(import.meta.dirname, "..", "engine", "cases");


interface CaseFile {
  base?: unknown;
  cases: { name: string; screening: unknown; expect: { invalid?: unknown } }[];
}

export function policyScreenings(): PolicyScreening[] {
  const out: PolicyScreening[] = [];
  for (const file of readdirSync(DIR).filter((name) => name.endsWith(".json")).sort()) {
    const data = JSON.parse(readFileSync(join(DIR, file), "utf8")) as CaseFile;
    for (const c of data.cases) {
      if (c.expect.invalid) continue;
      const parsed = parseScreening(mergeCase(data.base ?? {}, c.screening));
      if (parsed.ok) out.push({ name: `${file}: ${c.name}`, screening: parsed.value });
    }
  }
  return out;
}
