// npm run mutate [-- stryker options]: runs StrykerJS (stryker.config.json), then checks the
// scores issue 17 asks for, per area of src/ and per file, which Stryker's single
// `thresholds.break` cannot express. Only the areas the run mutated are checked, so
// `npm run mutate -- --mutate "src/result/**/*.ts"` checks the result renderers alone.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import console from "node:console";
import process from "node:process";

const REPORT = "reports/mutation/mutation.json";
/** Per area: the least mutation score, and whether it is counted over covered code only. */
const AREAS = {
  engine: { min: 90, coveredOnly: false },
  interview: { min: 85, coveredOnly: false },
  result: { min: 80, coveredOnly: true },
  rules: { min: 80, coveredOnly: true },
  conversation: { min: 80, coveredOnly: true },
};
const FILE_MIN = 70;
const DETECTED = new Set(["Killed", "Timeout"]);

const stryker = spawnSync("npx", ["stryker", "run", ...process.argv.slice(2)], { stdio: "inherit" });
if (!existsSync(REPORT)) process.exit(stryker.status ?? 1);

const counts = () => ({ detected: 0, survived: 0, noCoverage: 0 });
function add(total, mutants) {
  for (const { status } of mutants) {
    if (DETECTED.has(status)) total.detected += 1;
    else if (status === "Survived") total.survived += 1;
    else if (status === "NoCoverage") total.noCoverage += 1;
  }
  return total;
}
const score = ({ detected, survived, noCoverage }, coveredOnly) => {
  const valid = detected + survived + (coveredOnly ? 0 : noCoverage);
  return valid === 0 ? 100 : (100 * detected) / valid;
};

const { files } = JSON.parse(readFileSync(REPORT, "utf8"));
const areas = new Map();
const failures = [];
for (const [path, file] of Object.entries(files)) {
  const area = /^src\/([^/]+)\//.exec(path)?.[1];
  const fileCounts = add(counts(), file.mutants);
  if (score(fileCounts, false) < FILE_MIN) failures.push(`${path}: ${score(fileCounts, false).toFixed(1)} % is below ${FILE_MIN} %`);
  if (area === "result" && fileCounts.noCoverage > 0) failures.push(`${path}: ${fileCounts.noCoverage} mutant(s) with no coverage`);
  if (area !== undefined) areas.set(area, add(areas.get(area) ?? counts(), file.mutants));
}
console.log("\nMutation score per area (issue 17):");
for (const [area, total] of [...areas].sort()) {
  const target = AREAS[area];
  const value = score(total, target?.coveredOnly ?? false);
  const kind = target?.coveredOnly ? "covered" : "total";
  console.log(`  ${area.padEnd(13)} ${value.toFixed(2).padStart(6)} % (${kind})${target ? `, needs ${target.min} %` : ""}`);
  if (target && value < target.min) failures.push(`${area}: ${value.toFixed(2)} % is below ${target.min} %`);
}
for (const failure of failures) console.error(`  ✖ ${failure}`);
process.exit(failures.length > 0 ? 1 : (stryker.status ?? 1));
