import { RulesFileError } from "../../src/rules/readRulesFile.js";

/** The RulesFileError `load` throws; any other outcome fails the test that asked. */
export function rulesFileErrorOf(load: () => unknown): RulesFileError {
  try {
    load();
  } catch (error) {
    if (error instanceof RulesFileError) return error;
    throw error;
  }
  throw new Error("the rules were accepted");
}
