import type { ItemRule } from "../item.js";
import type { ParamSpec } from "../params.js";
import { article4 } from "./article04.js";
import { article5 } from "./article05.js";
import { article6 } from "./article06.js";
import { article7 } from "./article07.js";
import { article8clause1, article8clause2 } from "./article08.js";
import { article9 } from "./article09.js";
import { article10clause1, article10clause2 } from "./article10.js";
import { article11 } from "./article11.js";
import { article12, article13, article14 } from "./article12to14.js";

/** Every support item's logic, in result order. */
export const ITEM_RULES: readonly ItemRule<ParamSpec>[] = [
  article4, article5, article6, article7, article8clause1, article8clause2, article9,
  article10clause1, article10clause2, article11, article12, article13, article14,
] as unknown as readonly ItemRule<ParamSpec>[];
